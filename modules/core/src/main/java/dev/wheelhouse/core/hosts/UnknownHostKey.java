package dev.wheelhouse.core.hosts;

import java.util.List;

/**
 * A host key found in no known_hosts file, shown to the user to decide on.
 *
 * @param host the name known_hosts records ({@code host} or {@code [host]:port})
 * @param fingerprint OpenSSH's form, {@code SHA256:} and unpadded base64, as {@code ssh-keygen -lf} prints
 * @param otherKnownTypes key types already known for this host (usually empty)
 * @param keyBase64 the public key as known_hosts writes it (base64 of the SSH blob), for {@code HostGateway.trust}
 */
public record UnknownHostKey(
        String alias, String host, int port, String keyType, String fingerprint, List<String> otherKnownTypes, String keyBase64) {
    public UnknownHostKey {
        otherKnownTypes = List.copyOf(otherKnownTypes);
    }

    /** The name written into known_hosts: {@code host}, or {@code [host]:port} off port 22. */
    public String knownHostsName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
