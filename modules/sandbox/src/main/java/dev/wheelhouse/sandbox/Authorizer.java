package dev.wheelhouse.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's RBAC: everything is allowed but what a {@link Denial} takes away. Requests are
 * refused with the API server's own 403 Status, and SelfSubjectAccessReviews are answered from
 * the same rules, so "may I?" and "can I?" never disagree. The rules can change at any time.
 */
final class Authorizer {
    /** The user the sandbox's kubeconfig logs in as, named in every 403. */
    static final String USER = Sandbox.CONTEXT;
    static final String REVIEW_GROUP = "authorization.k8s.io";

    /** What a request asks to do, as the API server's authorizer sees it. */
    record Attributes(String verb, String group, String resource, String subresource, String namespace, String name,
                      boolean namespaced) {
        static Attributes of(ApiPath p, String method) {
            ResourceType type = p.type().orElse(null);
            boolean namespaced = type == null ? p.namespace() != null : type.namespaced();
            String verb = switch (method) {
                case "GET", "HEAD" -> p.flag("watch") ? "watch" : p.name() == null ? "list" : "get";
                case "POST" -> "create";
                case "PUT" -> "update";
                case "PATCH" -> "patch";
                case "DELETE" -> p.name() == null ? "deletecollection" : "delete";
                default -> method.toLowerCase(java.util.Locale.ROOT);
            };
            return new Attributes(verb, p.group(), p.plural(), p.subresource() == null ? "" : p.subresource(),
                    p.namespace(), p.name(), namespaced);
        }
    }

    private volatile List<Denial> denials;

    Authorizer(List<Denial> denials) {
        this.denials = List.copyOf(denials);
    }

    List<Denial> denials() {
        return denials;
    }

    void denials(List<Denial> value) {
        denials = List.copyOf(value);
    }

    Optional<Denial> denying(Attributes a) {
        for (Denial d : denials) {
            if (d.covers(a.verb(), a.group(), a.resource(), a.subresource(), a.namespace(), a.namespaced())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The 403 the API server writes, e.g. {@code pods is forbidden: User "u" cannot list resource "pods" in API group "" in the namespace "shop-prod"}. */
    static MockResponse forbidden(Attributes a) {
        String resource = a.resource() + (a.subresource().isEmpty() ? "" : "/" + a.subresource());
        String where = a.namespace() != null ? "in the namespace \"" + a.namespace() + "\"" : "at the cluster scope";
        String reason = "User \"" + USER + "\" cannot " + a.verb() + " resource \"" + resource + "\" in API group \""
                + a.group() + "\" " + where;
        String groupResource = a.group().isEmpty() ? a.resource() : a.resource() + "." + a.group();
        String message = groupResource + (a.name() == null ? "" : " \"" + a.name() + "\"") + " is forbidden: " + reason;
        ObjectNode details = Json.object();
        if (a.name() != null) {
            details.put("name", a.name());
        }
        if (!a.group().isEmpty()) {
            details.put("group", a.group());
        }
        details.put("kind", a.resource());
        return Responses.json(403, Responses.statusBody(403, "Forbidden", message, Json.write(details)));
    }

    /**
     * A SelfSubjectAccessReview answered: the request body with its status filled in, as the API
     * server returns it (201 Created).
     */
    MockResponse review(String body) {
        ObjectNode review;
        try {
            review = Json.parseObject(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException e) {
            return Responses.status(400, "BadRequest", "the SelfSubjectAccessReview is not valid JSON: " + e.getMessage());
        }
        JsonNode attributes = review.path("spec").path("resourceAttributes");
        ObjectNode status = Json.object();
        if (attributes.isObject()) {
            String group = attributes.path("group").asString("");
            String resource = attributes.path("resource").asString("");
            String namespace = attributes.path("namespace").asString("");
            Attributes a = new Attributes(attributes.path("verb").asString(""), group, resource,
                    attributes.path("subresource").asString(""), namespace.isEmpty() ? null : namespace,
                    attributes.path("name").asString("").isEmpty() ? null : attributes.path("name").asString(""),
                    namespaced(group, resource, namespace));
            Optional<Denial> denied = denying(a);
            status.put("allowed", denied.isEmpty());
            if (denied.isPresent()) {
                status.put("reason", "the practice sandbox denies this (" + denied.get() + ")");
            }
        } else {
            // non-resource URLs (/healthz, /version...) are open to everyone, as on a real cluster
            status.put("allowed", true);
        }
        review.put("apiVersion", "authorization.k8s.io/v1");
        review.put("kind", "SelfSubjectAccessReview");
        if (!review.path("metadata").isObject()) {
            review.putObject("metadata");
        }
        review.set("status", status);
        return Responses.json(201, Json.write(review));
    }

    private static boolean namespaced(String group, String resource, String namespace) {
        return Resources.ALL.stream().filter(t -> t.group().equals(group) && t.plural().equals(resource)).findFirst()
                .map(ResourceType::namespaced).orElse(!namespace.isEmpty());
    }
}
