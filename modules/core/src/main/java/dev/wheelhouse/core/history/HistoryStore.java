package dev.wheelhouse.core.history;

import java.util.List;
import java.util.Optional;

/**
 * Port: the journal of operations. Every write is committed before the method returns, so a
 * step recorded as STARTED is on disk before the step runs and a crash leaves an honest record.
 * Blocking I/O: never call it on the FX thread.
 */
public interface HistoryStore extends AutoCloseable {

    /** Journals a new operation in state RUNNING and returns its id. */
    long startOperation(OperationStart start);

    /** Journals a step as STARTED (before it runs) and returns its sequence number. */
    int startStep(long operationId, String name);

    /** Journals how a step ended, with its output (never a secret). */
    void finishStep(long operationId, int sequence, StepStatus status, String output);

    /** Journals how the operation ended. */
    void finishOperation(long operationId, Outcome outcome);

    Optional<OperationRecord> operation(long id);

    List<OperationRecord> list(HistoryQuery query);

    /** Re-computes the whole hash chain from the first record. */
    ChainVerification verify();

    @Override
    void close();
}
