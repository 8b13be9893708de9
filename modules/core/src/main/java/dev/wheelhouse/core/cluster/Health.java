package dev.wheelhouse.core.cluster;

/** How a resource is doing, as the views colour it. Ordered from best to worst, UNKNOWN last. */
public enum Health {
    HEALTHY,
    DEGRADED,
    FAILED,
    UNKNOWN;

    /** The worse of the two, where FAILED beats DEGRADED beats UNKNOWN beats HEALTHY. */
    public Health worse(Health other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Health h) {
        return switch (h) {
            case HEALTHY -> 0;
            case UNKNOWN -> 1;
            case DEGRADED -> 2;
            case FAILED -> 3;
        };
    }
}
