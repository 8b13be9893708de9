package dev.wheelhouse.core.hosts.releases;

/** Taking a host's lock: taken, or held by someone else (then {@code holder} says who). */
public record LockAttempt(boolean taken, HostLock holder) {
    public static LockAttempt ok() {
        return new LockAttempt(true, null);
    }

    public static LockAttempt heldBy(HostLock holder) {
        return new LockAttempt(false, holder);
    }
}
