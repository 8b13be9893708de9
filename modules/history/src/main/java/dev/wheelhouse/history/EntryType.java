package dev.wheelhouse.history;

/** The four facts the journal records; stored by name in {@code journal.entry}. */
enum EntryType {
    OPERATION_STARTED, OPERATION_FINISHED, STEP_STARTED, STEP_FINISHED;

    boolean isStep() {
        return this == STEP_STARTED || this == STEP_FINISHED;
    }
}
