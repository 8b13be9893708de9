package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.ops.TemplateDiff;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.OpsTarget;
import dev.wheelhouse.ops.kube.PreparedOperation;
import dev.wheelhouse.ops.kube.RevisionRow;
import dev.wheelhouse.ops.kube.RollbackProposal;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rollback wizard: pick a revision (the suggested one preselected) with the template diff
 * beside it, read the preflight's findings and take their remedies, confirm, then watch it run.
 * A view over {@link KubeOperations}: the proposal, the findings and the plan are its; this only
 * keeps which page is shown and what the user chose. Every cluster call goes through the
 * executor.
 */
public final class RollbackWizardViewModel {
    public enum Page { REVISIONS, PREFLIGHT, CONFIRM, RUN }

    private final KubeWizardCommon common;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.REVISIONS);
    private final ObservableList<RevisionRow> revisions = FXCollections.observableArrayList();
    private final ObjectProperty<RevisionRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<TemplateDiff.Line> diff = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RollbackProposal> proposal = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding revisionChosen;
    private long wanted;

    public RollbackWizardViewModel(OpsTarget target, KubeOperations operations, UiExecutor executor) {
        this.common = new KubeWizardCommon(target, operations, executor);
        selected.addListener((obs, was, now) -> {
            RollbackProposal p = proposal.get();
            diff.setAll(p == null || now == null ? List.of() : p.diffTo(now));
        });
        revisionChosen = Bindings.createBooleanBinding(() -> {
            RevisionRow s = selected.get();
            RollbackProposal p = proposal.get();
            return s != null && p != null && (p.current() == null || s.number() != p.current().number());
        }, selected, proposal);
    }

    public KubeWizardCommon common() {
        return common;
    }

    public OpsTarget target() {
        return common.target();
    }

    /**
     * Opens on a given revision instead of the suggested one, with a reason already written: the
     * rollback offered after a failed deploy names the failed operation this way.
     */
    public void preselect(long revision, String reason) {
        this.wanted = revision;
        common.confirm().reasonProperty().set(reason == null ? "" : reason);
    }

    /** Reads the revisions and the preflight (in the background) and preselects the suggested revision. */
    public void load() {
        RevisionRow keep = selected.get();
        common.load(() -> common.operations().proposeRollback(common.target()), p -> {
            proposal.set(p);
            revisions.setAll(p.revisions());
            common.findings().setAll(p.findings());
            long number = keep != null ? keep.number() : wanted;
            RevisionRow again = number <= 0 ? null : p.revision(number).orElse(null);
            selected.set(again != null ? again : p.suggested());
            // The diff follows the selection; a reload with the same row must refresh it too.
            diff.setAll(selected.get() == null ? List.of() : p.diffTo(selected.get()));
        });
    }

    public void next() {
        switch (page.get()) {
            case REVISIONS -> {
                if (revisionChosen.get()) {
                    page.set(Page.PREFLIGHT);
                    // The lock, pause and permissions may have changed while the user chose.
                    load();
                }
            }
            case PREFLIGHT -> {
                if (common.preflightPassedProperty().get() && preview()) {
                    page.set(Page.CONFIRM);
                }
            }
            case CONFIRM -> confirm();
            case RUN -> { }
        }
    }

    public void back() {
        switch (page.get()) {
            case PREFLIGHT -> page.set(Page.REVISIONS);
            case CONFIRM -> page.set(Page.PREFLIGHT);
            default -> { }
        }
    }

    /**
     * The plan as it will run, for the confirm page. Prepared with the environment's own name as
     * the confirmation: it is never run; {@link #confirm} prepares again with what was typed, so
     * the guardrail sees the user's words.
     */
    private boolean preview() {
        RollbackProposal p = proposal.get();
        RevisionRow to = selected.get();
        if (p == null || to == null) {
            return false;
        }
        return common.preview(() -> common.operations().prepareRollback(p, to.number(),
                common.choices(common.target().environment().name())));
    }

    private void confirm() {
        RollbackProposal p = proposal.get();
        RevisionRow to = selected.get();
        if (p == null || to == null || !common.confirm().confirmableProperty().get()) {
            return;
        }
        PreparedOperation op = common.prepare(() -> common.operations().prepareRollback(p, to.number(),
                common.choices(common.confirm().typedProperty().get())));
        if (op != null) {
            page.set(Page.RUN);
            common.run(op);
        }
    }

    /** Cancel: before the run nothing has changed and the wizard just closes; during it, the engine stops. */
    public boolean cancel() {
        return common.cancel(page.get() == Page.RUN);
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ObservableList<RevisionRow> revisions() {
        return revisions;
    }

    public ObjectProperty<RevisionRow> selectedProperty() {
        return selected;
    }

    /** The pod template changes from now to the selected revision. */
    public ObservableList<TemplateDiff.Line> diff() {
        return diff;
    }

    public ReadOnlyObjectProperty<RollbackProposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    /** A revision other than the current one is selected. */
    public BooleanBinding revisionChosenProperty() {
        return revisionChosen;
    }

    /** Whether the selected revision is the one Wheelhouse suggests (the newest healthy one). */
    public boolean isSuggested(RevisionRow row) {
        RollbackProposal p = proposal.get();
        return p != null && p.suggested() != null && row != null && p.suggested().number() == row.number();
    }

    public boolean isCurrent(RevisionRow row) {
        RollbackProposal p = proposal.get();
        return p != null && p.current() != null && row != null && p.current().number() == row.number();
    }
}
