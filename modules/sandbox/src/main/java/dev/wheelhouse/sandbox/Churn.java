package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Background life at a fixed rate: each event restarts a running container of a random pod
 * (restart count up, last state terminated) and records an Event, as a busy cluster does.
 * Runs on the controller thread every 100 ms; a slow tick does not pile up a backlog.
 */
final class Churn {
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration SNAPSHOT_EVERY = Duration.ofSeconds(2);
    private static final Duration WORK_PER_TICK = Duration.ofMillis(60);

    private final Controllers c;
    private final double perSecond;
    private final AtomicLong applied = new AtomicLong();
    private List<Pod> snapshot = List.of();
    private Instant snapshotAt = Instant.EPOCH;
    private Instant last;
    private Instant next;
    private double budget;
    private volatile boolean stopped;

    Churn(Controllers controllers, double perSecond) {
        this.c = controllers;
        this.perSecond = perSecond;
    }

    void start() {
        if (perSecond <= 0) {
            return;
        }
        last = c.sim().now();
        next = last.plus(TICK);
        c.sim().at(next, this::tick);
    }

    void stop() {
        stopped = true;
    }

    long applied() {
        return applied.get();
    }

    private void tick() {
        if (stopped) {
            return;
        }
        Instant now = c.sim().now();
        double elapsed = Duration.between(last, now).toNanos() / 1e9;
        last = now;
        budget = Math.min(budget + perSecond * elapsed, Math.max(1, perSecond));
        if (Duration.between(snapshotAt, now).compareTo(SNAPSHOT_EVERY) >= 0) {
            snapshot = new ArrayList<>(c.cluster().<Pod>all(Resources.PODS));
            snapshotAt = now;
        }
        int attempts = 0;
        long deadline = System.nanoTime() + WORK_PER_TICK.toNanos();
        // Past what the thread can do, do as much as fits: the controllers must keep up too.
        while (budget >= 1 && !snapshot.isEmpty() && attempts < Math.max(8, (int) (perSecond * 2)) && System.nanoTime() < deadline) {
            attempts++;
            Pod candidate = snapshot.get(c.random().nextInt(snapshot.size()));
            Pod pod = c.cluster().get(Resources.PODS, candidate.getMetadata().getNamespace(), candidate.getMetadata().getName());
            if (pod != null && Kubelet.isReady(pod) && c.kubelet().churnRestart(pod)) {
                applied.incrementAndGet();
                budget -= 1;
            }
        }
        // At a fixed rate: a late tick runs as soon as the controllers have caught up.
        next = next.plus(TICK);
        if (next.isBefore(now)) {
            next = now;
        }
        c.sim().at(next, this::tick);
    }
}
