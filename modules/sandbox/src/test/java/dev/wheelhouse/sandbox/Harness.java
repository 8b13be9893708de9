package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox without its HTTP port and on a clock the test moves: the store, the controllers
 * and the seed, driven step by step, so controller behaviour is tested without sleeping.
 */
final class Harness {
    /** A clock that only moves when told. */
    static final class MutableClock implements InstantSource {
        private final AtomicLong millis;

        MutableClock(Instant start) {
            millis = new AtomicLong(start.toEpochMilli());
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }
    }

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    final ApiStore store = new ApiStore();
    final Cluster cluster = new Cluster();
    final Simulation sim = new Simulation(clock);
    final Controllers controllers;
    final SandboxSeed seed;
    final SandboxOptions options;

    Harness(SandboxOptions options) {
        this.options = options;
        controllers = new Controllers(store, cluster, sim, options, new Random(options.randomSeed()));
        seed = new Seeder(controllers, options).seed();
        for (Service svc : cluster.<Service>all(Resources.SERVICES)) {
            sim.enqueue(new Cluster.Work("Service", svc.getMetadata().getNamespace(), svc.getMetadata().getName()));
        }
        sim.runUntilIdle();
    }

    Harness() {
        this(SandboxOptions.defaults().withRolloutStepMillis(1000).withProgressDeadlineSeconds(20).withChurnPerSecond(0));
    }

    /** Moves the clock in small steps, running whatever falls due. */
    void advance(Duration d) {
        long left = d.toMillis();
        sim.runUntilIdle();
        while (left > 0) {
            long step = Math.min(50, left);
            clock.advance(Duration.ofMillis(step));
            left -= step;
            sim.runUntilIdle();
        }
    }

    /** Sends a request as a client would (through the store's client entry points). */
    MockResponse request(HttpMethod method, String path, String contentType, String body) {
        Headers.Builder headers = Headers.builder();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        MockResponse r = store.dispatch(new RecordedRequest("HTTP/1.1", method, path, headers.build(),
                new Buffer(body == null ? null : body.getBytes(StandardCharsets.UTF_8))));
        sim.runUntilIdle();
        return r;
    }

    MockResponse jsonPatch(ResourceType type, String ns, String name, String patch) {
        return request(HttpMethod.PATCH, type.path(ns, name), "application/json-patch+json", patch);
    }

    MockResponse mergePatch(ResourceType type, String ns, String name, String patch) {
        return request(HttpMethod.PATCH, type.path(ns, name), "application/merge-patch+json", patch);
    }

    /** Sets the first container's image, as kubectl set image would. */
    MockResponse setImage(String ns, String deployment, String image) {
        return jsonPatch(Resources.DEPLOYMENTS, ns, deployment,
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"}]");
    }

    Deployment deployment(String ns, String name) {
        return cluster.get(Resources.DEPLOYMENTS, ns, name);
    }

    /** The Deployment's ReplicaSets, by revision. */
    List<ReplicaSet> replicaSets(String ns, String name) {
        Deployment d = deployment(ns, name);
        List<ReplicaSet> out = new ArrayList<>(cluster.<ReplicaSet>owned(Resources.REPLICASETS, d.getMetadata().getUid()));
        out.sort(Comparator.comparingLong(Kube::revisionOf));
        return out;
    }

    List<Pod> pods(HasMetadata owner) {
        return cluster.owned(Resources.PODS, owner.getMetadata().getUid());
    }

    static String image(ReplicaSet rs) {
        return rs.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    static String annotation(HasMetadata o, String key) {
        return o.getMetadata().getAnnotations() == null ? null : o.getMetadata().getAnnotations().get(key);
    }
}
