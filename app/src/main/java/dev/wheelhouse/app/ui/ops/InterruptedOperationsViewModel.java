package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.app.ui.common.Notices;
import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.KubeRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Operations whose process died mid-way (journaled as running, run by no live process): found
 * in the history of the environments shown, said in a notice, and each re-checked on demand —
 * {@link KubeOperations#recheck} re-reads the rollout and finishes the record (it only appends).
 */
public final class InterruptedOperationsViewModel {
    public static final String NOTICE = "Interrupted operations";
    /** How long a re-check watches a rollout that is still in progress. */
    static final Duration RECHECK_WAIT = Duration.ofSeconds(30);

    /**
     * One interrupted operation.
     *
     * @param result "" until re-checked, then how the record was finished
     */
    public record Item(Environment environment, OperationRecord operation, String result, boolean checking) {
        /** "rollback storefront in sandbox-prod (operation 12), by alice@box at …, stopped at watch". */
        public String describe() {
            OperationRecord op = operation;
            String at = op.steps().stream().filter(s -> s.status() == StepStatus.STARTED).map(StepRecord::name).findFirst()
                    .orElse(op.steps().isEmpty() ? "before its first step" : "after " + op.steps().getLast().name());
            return op.kind().id() + " " + op.application() + " in " + op.environment() + " (operation " + op.id() + "), by "
                    + op.operator() + " at " + op.started() + ", stopped " + (at.startsWith("after") || at.startsWith("before")
                    ? at : "at " + at);
        }
    }

    private final UiExecutor executor;
    private final Supplier<Optional<HistoryStore>> history;
    private final BiFunction<Environment, HistoryStore, KubeOperations> operations;
    private final Notices notices;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper();

    /** @param operations blocking: the operations over an environment's cluster */
    public InterruptedOperationsViewModel(UiExecutor executor, Supplier<Optional<HistoryStore>> history,
            BiFunction<Environment, HistoryStore, KubeOperations> operations, Notices notices) {
        this.executor = Objects.requireNonNull(executor);
        this.history = Objects.requireNonNull(history);
        this.operations = Objects.requireNonNull(operations);
        this.notices = Objects.requireNonNull(notices);
    }

    /** Looks for interrupted operations of these environments (in the background) and says so when there are. */
    public void scan(List<Environment> environments) {
        Optional<HistoryStore> store = history.get();
        if (store.isEmpty()) {
            return;
        }
        List<Environment> kube = environments.stream().filter(e -> !e.kubeTargets().isEmpty()).toList();
        scanning.set(true);
        BackgroundTask.of("look for interrupted operations", () -> {
                    List<Item> found = new ArrayList<>();
                    for (Environment env : kube) {
                        try {
                            for (OperationRecord op : operations.apply(env, store.get()).interrupted(env.name(), null)) {
                                found.add(new Item(env, op, "", false));
                            }
                        } catch (RuntimeException e) {
                            // An environment whose cluster cannot be opened (a broken kubeconfig) says so in
                            // its own views; the others are still looked at.
                            org.slf4j.LoggerFactory.getLogger(InterruptedOperationsViewModel.class)
                                    .debug("no look for interrupted operations in {}: {}", env.name(), e.getMessage());
                        }
                    }
                    return found;
                })
                .onSuccess(found -> {
                    scanning.set(false);
                    // The same operations as shown: keep the rows (and any re-check under way or done).
                    if (!found.stream().map(i -> i.operation().id()).toList()
                            .equals(items.stream().map(i -> i.operation().id()).toList())) {
                        items.setAll(found);
                    }
                    if (!found.isEmpty()) {
                        notices.post(Notices.Kind.WARNING, NOTICE, (found.size() == 1 ? "An operation was" : found.size()
                                + " operations were") + " cut short when the process running it ended: "
                                + found.getFirst().describe() + (found.size() > 1 ? ", and more" : "")
                                + ". Re-check to finish the record: Ctrl+Shift+I (or \"Interrupted operations\" in the palette).");
                    }
                })
                .onFailure(t -> {
                    scanning.set(false);
                    org.slf4j.LoggerFactory.getLogger(InterruptedOperationsViewModel.class)
                            .warn("looking for interrupted operations failed: {}", UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    /** Re-reads the rollout and finishes the record of one interrupted operation. */
    public void recheck(Item item) {
        Optional<HistoryStore> store = history.get();
        int index = items.indexOf(item);
        if (store.isEmpty() || index < 0 || item.checking() || !item.result().isEmpty()) {
            return;
        }
        items.set(index, new Item(item.environment(), item.operation(), "", true));
        BackgroundTask.of("re-check operation " + item.operation().id(), () -> {
                    KubeRun run = operations.apply(item.environment(), store.get()).recheck(item.operation().id(), RECHECK_WAIT);
                    return run.summary();
                })
                .onSuccess(summary -> replace(item, KubeWizardCommon.capitalize(summary)))
                .onFailure(t -> replace(item, "Not re-checked: " + UiExecutor.describe(t)))
                .executeWith(executor);
    }

    private void replace(Item item, String result) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).operation().id() == item.operation().id()) {
                items.set(i, new Item(item.environment(), item.operation(), result, false));
            }
        }
        if (items.stream().allMatch(i -> !i.result().isEmpty())) {
            notices.items().stream().filter(n -> n.title().equals(NOTICE)).toList().forEach(notices::dismiss);
        }
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }
}
