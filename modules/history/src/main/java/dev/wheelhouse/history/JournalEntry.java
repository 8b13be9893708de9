package dev.wheelhouse.history;

import java.time.Instant;

/**
 * One row of the journal, as stored. Fields a given entry type does not use are null.
 * {@code stepSeq} is null for operation entries.
 */
record JournalEntry(
        long seq,
        EntryType type,
        long operationId,
        Integer stepSeq,
        Instant recordedAt,
        String kind,
        String environment,
        String application,
        String target,
        String fromVersion,
        String toVersion,
        String operator,
        String reason,
        String stepName,
        String stepStatus,
        String outcome,
        String output,
        String prevHash,
        String hash) {

    /** What the entry is about, as the operator knows it: "operation 12" or "step 12/3". */
    String subject() {
        return type.isStep() ? "step " + operationId + "/" + stepSeq : "operation " + operationId;
    }

    /** "record 57 (step 12/3 finished)", for messages. */
    String describe() {
        String what = switch (type) {
            case OPERATION_STARTED, STEP_STARTED -> "started";
            case OPERATION_FINISHED, STEP_FINISHED -> "finished";
        };
        return "record " + seq + " (" + subject() + " " + what + ")";
    }

    /** The same entry with its hash set, for appending. */
    JournalEntry sealed(String newHash) {
        return new JournalEntry(seq, type, operationId, stepSeq, recordedAt, kind, environment,
                application, target, fromVersion, toVersion, operator, reason, stepName,
                stepStatus, outcome, output, prevHash, newHash);
    }
}
