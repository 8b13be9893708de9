package dev.wheelhouse.core.workspace;

/**
 * A host of an environment: an alias resolved through the user's ssh config, with optional
 * overrides (null = take the ssh config's value).
 */
public record HostRef(String alias, String hostName, Integer port, String user) {
    public static HostRef of(String alias) {
        return new HostRef(alias, null, null, null);
    }

    public boolean hasOverrides() {
        return hostName != null || port != null || user != null;
    }
}
