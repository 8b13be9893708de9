package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ControllerRevisions of StatefulSets and DaemonSets, after pkg/controller/history: the data is
 * the strategic merge patch {@code {"spec":{"template":{..., "$patch":"replace"}}}} that
 * {@code kubectl rollout undo} applies; a template equal to an old revision's moves that revision
 * to the next number instead of making a new one.
 */
final class History {
    private final Controllers c;

    History(Controllers controllers) {
        this.c = controllers;
    }

    /** The revision data of a template: Go-encoded key order, so kubectl's byte comparison can match. */
    static JsonNode patch(PodTemplateSpec template) {
        ObjectNode t = (ObjectNode) Kube.normalise(Json.tree(template));
        t.put("$patch", "replace");
        ObjectNode spec = Json.object();
        spec.set("template", t);
        ObjectNode root = Json.object();
        root.set("spec", spec);
        return Kube.canonical(root);
    }

    static String hash(JsonNode data, int collisionCount) {
        return Kube.templateHash(data, collisionCount);
    }

    List<ControllerRevision> owned(HasMetadata parent) {
        List<ControllerRevision> out = new ArrayList<>(c.cluster().<ControllerRevision>owned(Resources.CONTROLLERREVISIONS, parent.getMetadata().getUid()));
        out.sort(Comparator.comparingLong((ControllerRevision r) -> Kube.nz(r.getRevision())).thenComparing(r -> r.getMetadata().getName()));
        return out;
    }

    /**
     * The revision for the parent's current template: an existing equal one (renumbered to the
     * next revision when it is not the latest), or a new one.
     */
    ControllerRevision updateRevision(HasMetadata parent, PodTemplateSpec template, int collisionCount, List<ControllerRevision> revisions) {
        JsonNode data = patch(template);
        long next = revisions.isEmpty() ? 1 : Kube.nz(revisions.getLast().getRevision()) + 1;
        ControllerRevision equal = null;
        for (ControllerRevision r : revisions) {
            if (Kube.sameJson(data, Json.node(r.getData()))) {
                equal = r;
            }
        }
        if (equal != null) {
            if (Kube.nz(equal.getRevision()) == next - 1) {
                return equal;
            }
            ControllerRevision bumped = new ControllerRevisionBuilder(equal).withRevision(next).build();
            ApiStore.Result r = c.store().update(Resources.CONTROLLERREVISIONS, bumped.getMetadata().getNamespace(), bumped.getMetadata().getName(), bumped);
            if (!r.ok()) {
                throw new DeploymentController.Conflict("controller revision " + bumped.getMetadata().getName());
            }
            return Json.convert(Json.parse(r.body()), ControllerRevision.class);
        }
        String hash = hash(data, collisionCount);
        Map<String, String> labels = new LinkedHashMap<>();
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        labels.put(Kube.CONTROLLER_REVISION_HASH, hash);
        ControllerRevision created = new ControllerRevisionBuilder()
                .withNewMetadata()
                    .withName(parent.getMetadata().getName() + "-" + hash)
                    .withNamespace(parent.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withAnnotations(parent.getMetadata().getAnnotations() == null ? null : new LinkedHashMap<>(parent.getMetadata().getAnnotations()))
                    .withOwnerReferences(Kube.controllerRef(parent))
                .endMetadata()
                .withData(Json.convert(data, Object.class))
                .withRevision(next)
                .build();
        ApiStore.Result r = c.store().create(Resources.CONTROLLERREVISIONS, parent.getMetadata().getNamespace(), created);
        if (!r.ok()) {
            throw new DeploymentController.Conflict("controller revision " + created.getMetadata().getName() + ": " + r.code());
        }
        return Json.convert(Json.parse(r.body()), ControllerRevision.class);
    }

    /** Deletes the oldest revisions beyond the limit that no live pod and no status names. */
    void truncate(List<ControllerRevision> revisions, int limit, Set<String> inUse) {
        List<ControllerRevision> removable = new ArrayList<>();
        for (ControllerRevision r : revisions) {
            if (!inUse.contains(r.getMetadata().getName())) {
                removable.add(r);
            }
        }
        int diff = removable.size() - limit;
        for (int i = 0; i < diff; i++) {
            ControllerRevision r = removable.get(i);
            c.store().delete(Resources.CONTROLLERREVISIONS, r.getMetadata().getNamespace(), r.getMetadata().getName());
        }
    }
}
