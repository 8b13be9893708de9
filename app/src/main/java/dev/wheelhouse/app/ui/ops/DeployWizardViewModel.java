package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.ops.TemplateDiff;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.ops.OpsInputException;
import dev.wheelhouse.ops.kube.ChangeProposal;
import dev.wheelhouse.ops.kube.ImageReference;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.KubeRun;
import dev.wheelhouse.ops.kube.OpsTarget;
import dev.wheelhouse.ops.kube.PreparedOperation;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The deploy wizard: a new image (checked as it is typed) or the version another environment
 * runs (promote); then the same preflight with the template diff, confirm and run as a rollback.
 * After a failed deploy it offers a rollback, or the engine performs one (linked to the failed
 * operation) when "roll back if it fails" was chosen. A view over {@link KubeOperations}.
 */
public final class DeployWizardViewModel {
    public enum Page { CHANGE, PREFLIGHT, CONFIRM, RUN }

    public enum Source { IMAGE, PROMOTE }

    private final KubeWizardCommon common;
    /** The same application in the other environments it can be promoted from. */
    private final Map<Environment, OpsTarget> promotable;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.CHANGE);
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.IMAGE);
    private final StringProperty image = new SimpleStringProperty("");
    private final ObjectProperty<Environment> promoteFrom = new SimpleObjectProperty<>();
    private final StringBinding imageProblem;
    private final BooleanBinding changeChosen;
    private final ReadOnlyObjectWrapper<ChangeProposal> proposal = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TemplateDiff.Line> diff = FXCollections.observableArrayList();

    /**
     * @param promotable the environments the application can be promoted from, each with its
     *     target there (lower tiers first); the first is preselected when the wizard opens on promote
     */
    public DeployWizardViewModel(OpsTarget target, KubeOperations operations, UiExecutor executor,
            Map<Environment, OpsTarget> promotable, Source initial) {
        this.common = new KubeWizardCommon(target, operations, executor);
        this.promotable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(promotable));
        source.set(initial == null ? Source.IMAGE : initial);
        // The application's own setting (kubernetes.rollbackOnFailure in the workspace) is the default.
        common.rollbackOnFailureProperty().set(target.rollbackOnFailure());
        promotable.keySet().stream().findFirst().ifPresent(promoteFrom::set);
        imageProblem = Bindings.createStringBinding(() -> problem(image.get()), image);
        changeChosen = Bindings.createBooleanBinding(() -> source.get() == Source.IMAGE
                ? imageProblem.get().isEmpty() && !image.get().isBlank()
                : promoteFrom.get() != null, source, imageProblem, image, promoteFrom);
    }

    /** "" when the image is a valid reference (or nothing is typed yet), else what is wrong with it. */
    static String problem(String typed) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        try {
            ImageReference.validate(typed);
            return "";
        } catch (OpsInputException e) {
            return e.getMessage();
        }
    }

    public void next() {
        switch (page.get()) {
            case CHANGE -> {
                if (changeChosen.get()) {
                    page.set(Page.PREFLIGHT);
                    load();
                }
            }
            case PREFLIGHT -> {
                ChangeProposal p = proposal.get();
                if (p != null && common.preflightPassedProperty().get()
                        && common.preview(() -> common.operations().prepareChange(p, common.choices(common.target().environment().name())))) {
                    page.set(Page.CONFIRM);
                }
            }
            case CONFIRM -> confirm();
            case RUN -> { }
        }
    }

    /** Proposes the change (in the background): the preflight, the lock and the diff. */
    public void load() {
        proposal.set(null);
        diff.clear();
        common.findings().clear();
        Source s = source.get();
        String typed = image.get();
        OpsTarget from = promoteFrom.get() == null ? null : promotable.get(promoteFrom.get());
        common.load(() -> s == Source.IMAGE ? common.operations().proposeDeploy(common.target(), typed)
                : common.operations().proposePromote(common.target(), from), p -> {
                    proposal.set(p);
                    diff.setAll(p.diff());
                    common.findings().setAll(p.findings());
                });
    }

    private void confirm() {
        ChangeProposal p = proposal.get();
        if (p == null || !common.confirm().confirmableProperty().get()) {
            return;
        }
        PreparedOperation op = common.prepare(() -> common.operations().prepareChange(p,
                common.choices(common.confirm().typedProperty().get())));
        if (op != null) {
            page.set(Page.RUN);
            common.run(op);
        }
    }

    public void back() {
        switch (page.get()) {
            case PREFLIGHT -> page.set(Page.CHANGE);
            case CONFIRM -> page.set(Page.PREFLIGHT);
            default -> { }
        }
    }

    public boolean cancel() {
        return common.cancel(page.get() == Page.RUN);
    }

    /**
     * After a deploy that failed having changed the workload, with no automatic rollback: the
     * revision it replaced, to offer rolling back to (0 when there is nothing to offer).
     */
    public long offerRollbackTo() {
        KubeRun run = common.runProperty().get();
        ChangeProposal p = proposal.get();
        if (run == null || p == null || run.verified() || !run.changed() || run.rollback() != null || p.current() == null) {
            return 0;
        }
        return p.current().number();
    }

    /** The reason a rollback offered after a failure is journaled with: it names the failed operation. */
    public String rollbackReason() {
        KubeRun run = common.runProperty().get();
        return "rollback after failed " + (source.get() == Source.IMAGE ? "deploy" : "promote")
                + (run == null ? "" : " (operation " + run.operationId() + ")");
    }

    public KubeWizardCommon common() {
        return common;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public StringProperty imageProperty() {
        return image;
    }

    /** What is wrong with the typed image, shown under the field as it is typed ("" when fine). */
    public StringBinding imageProblemProperty() {
        return imageProblem;
    }

    public ObjectProperty<Environment> promoteFromProperty() {
        return promoteFrom;
    }

    /** The environments to promote from, in the order given. */
    public List<Environment> promotable() {
        return List.copyOf(promotable.keySet());
    }

    public BooleanBinding changeChosenProperty() {
        return changeChosen;
    }

    public ReadOnlyObjectProperty<ChangeProposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    public ObservableList<TemplateDiff.Line> diff() {
        return diff;
    }
}
