package dev.wheelhouse.kube.render;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Loads the hand-written JSON fixtures (kubectl get -o json shaped lists) from src/test/resources/fixtures. */
public final class Fixtures {
    private Fixtures() {}

    public static <T extends HasMetadata> List<T> load(String file, Class<T> type) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + file)) {
            Objects.requireNonNull(in, "no fixture " + file);
            KubernetesList list = Serialization.unmarshal(in, KubernetesList.class);
            return list.getItems().stream().map(type::cast).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T extends HasMetadata> T named(List<T> items, String name) {
        return items.stream().filter(i -> i.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture object " + name));
    }

    /** What the fixtures of shop-dev relate to: its pods and endpoints, all listed. */
    public static Related shopDev() {
        List<Pod> pods = load("pods.json", Pod.class);
        List<Endpoints> endpoints = load("endpoints.json", Endpoints.class);
        return new Related() {
            @Override
            public boolean knows(String kind, String namespace) {
                return namespace.equals("shop-dev");
            }

            @Override
            public Endpoints endpoints(String namespace, String name) {
                return endpoints.stream().filter(e -> e.getMetadata().getNamespace().equals(namespace)
                        && e.getMetadata().getName().equals(name)).findFirst().orElse(null);
            }

            @Override
            public Collection<Pod> pods(String namespace) {
                return pods.stream().filter(p -> p.getMetadata().getNamespace().equals(namespace)).toList();
            }
        };
    }
}
