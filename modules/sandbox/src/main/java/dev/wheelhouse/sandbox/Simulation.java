package dev.wheelhouse.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controllers' one thread: a de-duplicating queue of work and a list of timers, run in
 * order. In the sandbox a daemon thread drives it on the wall clock; tests drive it by hand
 * ({@link #runUntilIdle()}) on a clock they move, so controller behaviour is tested without
 * sleeping.
 */
final class Simulation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);

    private record Timer(Instant at, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final InstantSource clock;
    private final Object lock = new Object();
    private final LinkedHashSet<Cluster.Work> queue = new LinkedHashSet<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private Consumer<Cluster.Work> handler = w -> {};
    private long seq;
    private Thread thread;
    private volatile boolean running;

    Simulation(InstantSource clock) {
        this.clock = clock;
    }

    void handler(Consumer<Cluster.Work> handler) {
        this.handler = handler;
    }

    Instant now() {
        return clock.instant();
    }

    InstantSource clock() {
        return clock;
    }

    void enqueue(Cluster.Work work) {
        synchronized (lock) {
            queue.add(work);
            lock.notifyAll();
        }
    }

    void at(Instant when, Runnable task) {
        synchronized (lock) {
            timers.add(new Timer(when, seq++, task));
            lock.notifyAll();
        }
    }

    void after(Duration delay, Runnable task) {
        at(now().plus(delay), task);
    }

    void after(Duration delay, Cluster.Work work) {
        after(delay, () -> enqueue(work));
    }

    /** Runs queued work and due timers until none is left (for tests, on their own clock). */
    void runUntilIdle() {
        while (runOne()) {
            // keep going
        }
    }

    /** Runs one piece of queued work or one due timer; false when there is nothing to do now. */
    private boolean runOne() {
        Runnable next = null;
        synchronized (lock) {
            if (!queue.isEmpty()) {
                var it = queue.iterator();
                Cluster.Work w = it.next();
                it.remove();
                next = () -> handler.accept(w);
            } else if (!timers.isEmpty() && !timers.peek().at().isAfter(clock.instant())) {
                next = timers.poll().task();
            }
        }
        if (next == null) {
            return false;
        }
        try {
            next.run();
        } catch (RuntimeException e) {
            LOG.warn("sandbox controller step failed", e);
        }
        return true;
    }

    /** Starts the daemon thread that runs work as it comes and timers when they fall due. */
    void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("wheelhouse-sandbox-controllers").start(this::loop);
    }

    private void loop() {
        while (running) {
            if (runOne()) {
                continue;
            }
            synchronized (lock) {
                if (!running || !queue.isEmpty()) {
                    continue;
                }
                long waitMillis = 1000;
                if (!timers.isEmpty()) {
                    waitMillis = Math.max(1, Duration.between(clock.instant(), timers.peek().at()).toMillis());
                    if (!timers.peek().at().isAfter(clock.instant())) {
                        continue;
                    }
                }
                try {
                    lock.wait(Math.min(waitMillis, 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
