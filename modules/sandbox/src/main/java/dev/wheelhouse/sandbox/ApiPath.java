package dev.wheelhouse.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request path of the Kubernetes API taken apart:
 * {@code /api/v1[/namespaces/NS]/PLURAL[/NAME[/SUB]]} or {@code /apis/GROUP/VERSION/...},
 * plus its query parameters (decoded).
 *
 * @param group "" for the core group
 * @param plural null for a path above the resources (discovery)
 */
record ApiPath(
        String group,
        String version,
        String namespace,
        String plural,
        String name,
        String subresource,
        Map<String, String> query) {

    private static final List<String> NAMESPACE_SUBRESOURCES = List.of("status", "finalize");

    static Optional<ApiPath> parse(String rawPath) {
        int q = rawPath.indexOf('?');
        String path = q < 0 ? rawPath : rawPath.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : query(rawPath.substring(q + 1));
        String[] parts = trimSlashes(path).split("/");
        int i;
        String group;
        String version;
        if (parts.length >= 2 && parts[0].equals("api")) {
            group = "";
            version = parts[1];
            i = 2;
        } else if (parts.length >= 3 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            i = 3;
        } else {
            return Optional.empty();
        }
        int rest = parts.length - i;
        if (rest == 0) {
            return Optional.of(new ApiPath(group, version, null, null, null, null, query));
        }
        String namespace = null;
        if (parts[i].equals("namespaces") && rest >= 3 && !NAMESPACE_SUBRESOURCES.contains(parts[i + 2])) {
            namespace = decode(parts[i + 1]);
            i += 2;
            rest -= 2;
        }
        String plural = parts[i];
        String name = rest >= 2 ? decode(parts[i + 1]) : null;
        String sub = rest >= 3 ? parts[i + 2] : null;
        if (rest > 3) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(group, version, namespace, plural, name, sub, query));
    }

    boolean isDiscovery() {
        return plural == null;
    }

    String typeKey() {
        return group + "/" + plural;
    }

    Optional<ResourceType> type() {
        return plural == null ? Optional.empty() : Resources.find(group, version, plural);
    }

    String param(String key) {
        return query.get(key);
    }

    boolean flag(String key) {
        String v = query.get(key);
        return v != null && (v.equals("true") || v.equals("1"));
    }

    /** The same object's main path, without subresource or query. */
    String objectPath() {
        StringBuilder sb = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
        if (namespace != null) {
            sb.append("/namespaces/").append(namespace);
        }
        sb.append('/').append(plural);
        if (name != null) {
            sb.append('/').append(name);
        }
        return sb.toString();
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.put(k, v);
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
