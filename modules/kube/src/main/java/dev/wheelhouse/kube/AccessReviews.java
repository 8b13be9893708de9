package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.cluster.AccessDecision.Verdict;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "May I?" through SelfSubjectAccessReview, the way kubectl auth can-i asks it. Definite answers
 * are cached for a short while (actions in a view ask often); "unknown" ones are not.
 */
final class AccessReviews {
    private final KubeClients clients;
    private final KubeOptions options;
    private final Clock clock;
    private final Map<Question, Cached> cache = new ConcurrentHashMap<>();

    /** The parts of an RBAC question. Namespace "" is cluster-wide. */
    record Question(String context, String verb, String group, String resource, String subresource, String namespace) {}

    private record Cached(AccessDecision decision, Instant until) {}

    AccessReviews(KubeClients clients, KubeOptions options, Clock clock) {
        this.clients = clients;
        this.options = options;
        this.clock = clock;
    }

    AccessDecision canI(String context, String verb, String resource, String namespace) {
        Question q = parse(context, verb, resource, namespace);
        Instant now = clock.instant();
        Cached cached = cache.get(q);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.decision();
        }
        AccessDecision decision = ask(q, resource);
        if (decision.verdict() != Verdict.UNKNOWN) {
            cache.put(q, new Cached(decision, now.plus(options.accessCacheTtl())));
        }
        return decision;
    }

    /** "deployments.apps/scale" -> group apps, resource deployments, subresource scale; the group of a known plural is filled in. */
    static Question parse(String context, String verb, String resource, String namespace) {
        String res = resource.trim();
        String sub = "";
        int slash = res.indexOf('/');
        if (slash >= 0) {
            sub = res.substring(slash + 1);
            res = res.substring(0, slash);
        }
        String group;
        int dot = res.indexOf('.');
        if (dot >= 0) {
            group = res.substring(dot + 1);
            res = res.substring(0, dot);
        } else {
            String plural = res;
            group = ResourceKinds.find(plural).map(k -> k.info().group()).orElse("");
            res = ResourceKinds.find(plural).map(k -> k.info().plural()).orElse(plural);
        }
        return new Question(context, verb, group, res, sub, namespace == null ? "" : namespace);
    }

    private AccessDecision ask(Question q, String asked) {
        String where = q.namespace().isEmpty() ? "cluster-wide" : "in " + q.namespace();
        String what = q.verb() + " " + asked + " " + where + " (context " + q.context() + ")";
        KubeClients.Client client;
        try {
            client = clients.client(q.context());
        } catch (KubeconfigException e) {
            return new AccessDecision(Verdict.UNKNOWN, e.getMessage());
        }
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withVerb(q.verb())
                .withGroup(q.group())
                .withResource(q.resource())
                .withSubresource(q.subresource().isEmpty() ? null : q.subresource())
                .withNamespace(q.namespace().isEmpty() ? null : q.namespace())
                .endResourceAttributes()
                .endSpec()
                .build();
        try {
            SelfSubjectAccessReview answer = client.client().authorization().v1().selfSubjectAccessReview().create(review);
            SubjectAccessReviewStatus status = answer == null ? null : answer.getStatus();
            if (status == null || status.getAllowed() == null) {
                return new AccessDecision(Verdict.UNKNOWN, "the API server gave no answer to whether you may " + what);
            }
            String reason = status.getReason() == null || status.getReason().isBlank() ? "" : ": " + status.getReason();
            if (Boolean.TRUE.equals(status.getAllowed())) {
                return new AccessDecision(Verdict.ALLOWED, "allowed to " + what + reason);
            }
            String error = status.getEvaluationError() == null || status.getEvaluationError().isBlank()
                    ? "" : " (" + status.getEvaluationError() + ")";
            return new AccessDecision(Verdict.DENIED, "you may not " + what + reason + error);
        } catch (KubernetesClientException e) {
            String why = e.getCode() > 0 ? "the API server answered " + e.getCode() : FeedErrors.networkReason(e);
            return new AccessDecision(Verdict.UNKNOWN, "cannot check whether you may " + what + ": " + why);
        }
    }
}
