package dev.wheelhouse.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who runs an operation, as journaled and as a lock holder: user@host. */
public final class Operator {
    private Operator() {}

    public static String current() {
        String user = System.getProperty("user.name", "unknown");
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // No resolvable name for this machine: the environment's idea of it is the best left.
            host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
        return user + "@" + host;
    }
}
