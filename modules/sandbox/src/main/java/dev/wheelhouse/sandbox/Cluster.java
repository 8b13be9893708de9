package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the controllers see: typed copies of the workload objects, kept current by every change
 * of the store (an informer fed synchronously, so a controller's own write is visible the moment
 * it returns), plus an index from owner to dependents. Cached objects are shared: never modify
 * one, copy it first.
 */
final class Cluster implements ApiStore.Listener {

    /** Work for a controller: reconcile the object of a kind, or collect an owner's garbage. */
    record Work(String kind, String namespace, String name) {
        static Work of(HasMetadata o) {
            return new Work(o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName());
        }
    }

    private static final Map<String, Class<? extends HasMetadata>> TRACKED = Map.of(
            Resources.DEPLOYMENTS.typeKey(), Deployment.class,
            Resources.REPLICASETS.typeKey(), ReplicaSet.class,
            Resources.PODS.typeKey(), Pod.class,
            Resources.STATEFULSETS.typeKey(), StatefulSet.class,
            Resources.DAEMONSETS.typeKey(), DaemonSet.class,
            Resources.CONTROLLERREVISIONS.typeKey(), ControllerRevision.class,
            Resources.NODES.typeKey(), Node.class,
            Resources.SERVICES.typeKey(), Service.class);

    private final Map<String, Map<String, HasMetadata>> objects = new ConcurrentHashMap<>();
    /** owner uid -> typeKey + " " + namespace/name of its controlled dependents. */
    private final Map<String, Set<String>> dependents = new ConcurrentHashMap<>();
    private final Map<String, String> ownerOf = new ConcurrentHashMap<>();
    private volatile Consumer<Work> sink = w -> {};

    void onWork(Consumer<Work> sink) {
        this.sink = sink;
    }

    @Override
    public void changed(ApiStore.Change change) {
        Class<? extends HasMetadata> type = TRACKED.get(change.typeKey());
        if (type == null) {
            return;
        }
        String id = key(change.namespace(), change.name());
        Map<String, HasMetadata> byName = objects.computeIfAbsent(change.typeKey(), k -> new ConcurrentHashMap<>());
        String ref = change.typeKey() + " " + id;
        HasMetadata object = change.typed() != null ? (HasMetadata) change.typed() : Json.convert(change.tree(), type);
        String oldOwner = ownerOf.remove(ref);
        if (oldOwner != null) {
            Set<String> set = dependents.get(oldOwner);
            if (set != null) {
                set.remove(ref);
            }
        }
        if (change.type() == ApiStore.ChangeType.DELETED) {
            byName.remove(id);
            notify(object, true);
            return;
        }
        byName.put(id, object);
        OwnerReference owner = controllerOf(object);
        if (owner != null) {
            ownerOf.put(ref, owner.getUid());
            dependents.computeIfAbsent(owner.getUid(), k -> ConcurrentHashMap.newKeySet()).add(ref);
        }
        if (change.typed() == null) {
            notify(object, false);
        }
    }

    private void notify(HasMetadata object, boolean deleted) {
        Consumer<Work> s = sink;
        s.accept(Work.of(object));
        OwnerReference owner = controllerOf(object);
        if (owner != null) {
            s.accept(new Work(owner.getKind(), object.getMetadata().getNamespace(), owner.getName()));
        }
        if (deleted) {
            s.accept(new Work("gc", object.getMetadata().getNamespace(), object.getMetadata().getUid()));
        }
    }

    static OwnerReference controllerOf(HasMetadata o) {
        List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
        if (refs == null) {
            return null;
        }
        for (OwnerReference r : refs) {
            if (Boolean.TRUE.equals(r.getController())) {
                return r;
            }
        }
        return null;
    }

    static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> Map<String, T> map(ResourceType type) {
        return (Map<String, T>) (Map<String, ?>) objects.computeIfAbsent(type.typeKey(), k -> new ConcurrentHashMap<>());
    }

    <T extends HasMetadata> T get(ResourceType type, String namespace, String name) {
        return this.<T>map(type).get(key(namespace, name));
    }

    <T extends HasMetadata> Collection<T> all(ResourceType type) {
        return this.<T>map(type).values();
    }

    <T extends HasMetadata> List<T> inNamespace(ResourceType type, String namespace) {
        List<T> out = new ArrayList<>();
        for (T o : this.<T>all(type)) {
            if (namespace.equals(o.getMetadata().getNamespace())) {
                out.add(o);
            }
        }
        return out;
    }

    /** The objects of a kind whose controller is the owner with this uid. */
    <T extends HasMetadata> List<T> owned(ResourceType type, String ownerUid) {
        Set<String> refs = dependents.get(ownerUid);
        if (refs == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        String prefix = type.typeKey() + " ";
        Map<String, T> m = map(type);
        for (String ref : refs) {
            if (ref.startsWith(prefix)) {
                T o = m.get(ref.substring(prefix.length()));
                if (o != null) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** Every dependent of an owner, as (kind, namespace, name). */
    List<String[]> dependentsOf(String ownerUid) {
        Set<String> refs = dependents.get(ownerUid);
        if (refs == null) {
            return List.of();
        }
        List<String[]> out = new ArrayList<>();
        for (String ref : refs) {
            int space = ref.indexOf(' ');
            String typeKey = ref.substring(0, space);
            String id = ref.substring(space + 1);
            int slash = id.indexOf('/');
            out.add(new String[] {typeKey, id.substring(0, slash), id.substring(slash + 1)});
        }
        return out;
    }

    /** Drops the index entry of a deleted owner once its dependents are gone. */
    void forgetOwner(String ownerUid) {
        dependents.computeIfPresent(ownerUid, (k, set) -> set.isEmpty() ? null : set);
    }

    int count(ResourceType type) {
        return map(type).size();
    }
}
