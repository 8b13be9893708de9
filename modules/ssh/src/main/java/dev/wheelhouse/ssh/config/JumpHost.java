package dev.wheelhouse.ssh.config;

/**
 * One hop of a ProxyJump: {@code [user@]host[:port]} or {@code ssh://[user@]host[:port]}.
 * User and port are null when not given (the hop's own ssh config then decides).
 */
public record JumpHost(String user, String host, Integer port) {

    static JumpHost parse(String spec) {
        String s = spec.startsWith("ssh://") ? spec.substring("ssh://".length()) : spec;
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        String user = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at);
            s = s.substring(at + 1);
        }
        Integer port = null;
        String host = s;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("ProxyJump " + spec + ": unbalanced [");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.startsWith(":")) {
                port = parsePort(rest.substring(1), spec);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("ProxyJump " + spec + ": unexpected " + rest);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = parsePort(s.substring(s.indexOf(':') + 1), spec);
        }
        if (host.isEmpty() || (user != null && user.isEmpty())) {
            throw new IllegalArgumentException("ProxyJump " + spec + ": missing host or user");
        }
        return new JumpHost(user, host, port);
    }

    private static int parsePort(String text, String spec) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ProxyJump " + spec + ": bad port " + text);
        }
    }

    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + host + (port == null ? "" : ":" + port);
    }
}
