package dev.wheelhouse.app.cli;

import dev.wheelhouse.core.history.ChainVerification;
import dev.wheelhouse.core.history.HistoryQuery;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.OperationStart;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The history, opened on a virtual thread while the command reads the cluster (opening the H2
 * file takes a good part of a second); the first use waits for it. A failure to open surfaces at
 * that first use, as it would have at opening.
 */
final class OpeningHistory implements HistoryStore {
    private final CompletableFuture<HistoryStore> opening;

    OpeningHistory(Supplier<HistoryStore> open) {
        this.opening = new CompletableFuture<>();
        Thread.ofVirtual().name("history-open").start(() -> {
            try {
                opening.complete(open.get());
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        });
    }

    private HistoryStore store() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public long startOperation(OperationStart start) {
        return store().startOperation(start);
    }

    @Override
    public int startStep(long operationId, String name) {
        return store().startStep(operationId, name);
    }

    @Override
    public void finishStep(long operationId, int sequence, StepStatus status, String output) {
        store().finishStep(operationId, sequence, status, output);
    }

    @Override
    public void finishOperation(long operationId, Outcome outcome) {
        store().finishOperation(operationId, outcome);
    }

    @Override
    public Optional<OperationRecord> operation(long id) {
        return store().operation(id);
    }

    @Override
    public List<OperationRecord> list(HistoryQuery query) {
        return store().list(query);
    }

    @Override
    public ChainVerification verify() {
        return store().verify();
    }

    @Override
    public void close() {
        try {
            opening.join().close();
        } catch (CompletionException e) {
            // It never opened: nothing to close.
        }
    }
}
