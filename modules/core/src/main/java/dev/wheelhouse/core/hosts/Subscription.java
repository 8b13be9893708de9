package dev.wheelhouse.core.hosts;

/** Something to stop: a listener registration, a log follow. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
