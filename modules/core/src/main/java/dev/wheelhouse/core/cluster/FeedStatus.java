package dev.wheelhouse.core.cluster;

/** Where one watched list stands. */
public enum FeedStatus {
    /** First list not done yet. */
    CONNECTING,
    /** Listed and watching: the rows are current. */
    LIVE,
    /** Had data, lost its watch; retrying with backoff. The rows are kept but stale. */
    RECONNECTING,
    /** The API server answered 403: no permission to list this kind here. Retried slowly. */
    FORBIDDEN,
    /** The API server does not serve this kind (404), e.g. an older cluster. */
    UNSUPPORTED,
    /** Never reached the API server (refused, timed out, TLS, 401 ...). Retried with backoff. */
    UNREACHABLE,
    /**
     * The kubeconfig cannot be used for this context (missing, malformed, unknown context), or
     * the watch could not be started at all (the detail says why). Not retried.
     */
    MISCONFIGURED;

    /** No rows will come from this feed until something changes outside the console. */
    public boolean isProblem() {
        return this == FORBIDDEN || this == UNSUPPORTED || this == UNREACHABLE || this == MISCONFIGURED;
    }

    /** Done with its first attempt: live, or known why not. */
    public boolean isSettled() {
        return this != CONNECTING;
    }
}
