package dev.wheelhouse.sandbox;

import java.util.List;

/**
 * One kind the sandbox serves. {@link Resources} is the single registry of them: discovery,
 * list kinds, short names and the status/scale rules all read from it.
 *
 * @param group API group, "" for the core group
 * @param subresources "status", "scale", "log" as the kind has them
 */
record ResourceType(
        String group,
        String version,
        String plural,
        String singular,
        String kind,
        boolean namespaced,
        List<String> shortNames,
        List<String> subresources,
        List<String> categories,
        boolean readOnly) {

    static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    static final List<String> READ_VERBS = List.of("get", "list");

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The id the store files objects of this kind under: "apps/deployments", "/pods". */
    String typeKey() {
        return group + "/" + plural;
    }

    boolean hasStatus() {
        return subresources.contains("status");
    }

    boolean hasScale() {
        return subresources.contains("scale");
    }

    List<String> verbs() {
        return readOnly ? READ_VERBS : ALL_VERBS;
    }

    /** The URL of one object, or of the collection when name is null. */
    String path(String namespace, String name) {
        StringBuilder sb = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
        if (namespaced && namespace != null) {
            sb.append("/namespaces/").append(namespace);
        }
        sb.append('/').append(plural);
        if (name != null) {
            sb.append('/').append(name);
        }
        return sb.toString();
    }
}
