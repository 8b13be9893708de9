package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.ops.kube.ChangeProposal;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.OpsTarget;
import dev.wheelhouse.ops.kube.PreparedOperation;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Restart and scale: one small dialog each, with the same preflight, confirmation and journaled
 * run as the wizards. A view over {@link KubeOperations}.
 */
public final class ChangeDialogViewModel {
    private final OperationKind kind;
    private final KubeWizardCommon common;
    private final IntegerProperty replicas = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<ChangeProposal> proposal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();

    public ChangeDialogViewModel(OperationKind kind, OpsTarget target, KubeOperations operations, UiExecutor executor) {
        if (kind != OperationKind.RESTART && kind != OperationKind.SCALE) {
            throw new IllegalArgumentException(kind + " is not a restart or a scale");
        }
        this.kind = kind;
        this.common = new KubeWizardCommon(target, operations, executor);
        common.breakLockProperty().addListener((obs, was, now) -> preview());
        replicas.addListener((obs, was, now) -> {
            if (was.intValue() >= 0 && now.intValue() >= 0 && !running.get()) {
                load();
            }
        });
    }

    /**
     * Reads the workload and the preflight, then shows the plan. A scale first learns the current
     * replicas (from a restart's proposal, which asks nothing of the user and changes nothing).
     */
    public void load() {
        proposal.set(null);
        common.confirm().planProperty().set(null);
        int wanted = replicas.get();
        common.load(() -> kind == OperationKind.RESTART || wanted < 0 ? common.operations().proposeRestart(common.target())
                : common.operations().proposeScale(common.target(), wanted), p -> {
                    if (kind == OperationKind.SCALE && replicas.get() < 0) {
                        replicas.set(p.state().replicas());
                        load();
                        return;
                    }
                    proposal.set(p);
                    common.findings().setAll(p.findings());
                    preview();
                });
    }

    /** Shows the plan once nothing blocks it (after the read, or once the user chose to break a lock). */
    private void preview() {
        ChangeProposal p = proposal.get();
        if (p != null && common.preflightPassedProperty().get()) {
            common.preview(() -> common.operations().prepareChange(p, common.choices(common.target().environment().name())));
        }
    }

    /** Runs it, if confirmed; the dialog then shows the steps. */
    public void confirm() {
        ChangeProposal p = proposal.get();
        if (p == null || !common.preflightPassedProperty().get() || !common.confirm().confirmableProperty().get()) {
            return;
        }
        PreparedOperation op = common.prepare(() -> common.operations().prepareChange(p,
                common.choices(common.confirm().typedProperty().get())));
        if (op != null) {
            running.set(true);
            common.run(op);
        }
    }

    public boolean cancel() {
        return common.cancel(running.get());
    }

    public OperationKind kind() {
        return kind;
    }

    public KubeWizardCommon common() {
        return common;
    }

    /** The replicas a scale sets (-1 until the current number is known). */
    public IntegerProperty replicasProperty() {
        return replicas;
    }

    public ReadOnlyObjectProperty<ChangeProposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    /** Confirmed: the dialog shows the run. */
    public ReadOnlyBooleanProperty startedProperty() {
        return running.getReadOnlyProperty();
    }
}
