package dev.wheelhouse.ops.hosts;

import dev.wheelhouse.ops.OpsInputException;

/** A host deploy or rollback refused as bad input (a version, a release id, an artifact, the application's setup): nothing was started. */
public final class HostOperationRefused extends OpsInputException {
    private static final long serialVersionUID = 1L;

    public HostOperationRefused(String message) {
        super(message);
    }
}
