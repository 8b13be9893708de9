package dev.wheelhouse.core.ops;

/** Someone else holds the operation lock and it has not expired: nothing was changed. */
public class LockHeldException extends RuntimeException {
    private final LockHolder holder;

    public LockHeldException(LockKey key, LockHolder holder) {
        super(key.describe() + " is held by " + holder.describe()
                + ": wait for their operation to end, or break the lock (--break-lock) if you know it is abandoned");
        this.holder = holder;
    }

    public LockHolder holder() {
        return holder;
    }
}
