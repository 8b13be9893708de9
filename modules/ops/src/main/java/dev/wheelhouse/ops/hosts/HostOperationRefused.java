package dev.wheelhouse.ops.hosts;

/** The request is bad input (a version, a release id, an artifact, the application's setup): nothing was started. */
public final class HostOperationRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HostOperationRefused(String message) {
        super(message);
    }
}
