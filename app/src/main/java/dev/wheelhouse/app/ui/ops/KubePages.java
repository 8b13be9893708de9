package dev.wheelhouse.app.ui.ops;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.ops.PodState;
import dev.wheelhouse.core.ops.TemplateDiff;
import dev.wheelhouse.ops.kube.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pages every Kubernetes wizard shares, built over {@link KubeWizardCommon}: the template
 * diff, the preflight findings with their remedies, the confirmation and the run.
 */
final class KubePages {
    /** The positions of the shared pages in every Kubernetes wizard (its own first page is 0). */
    private static final int PREFLIGHT = 1;
    private static final int CONFIRM = 2;
    private static final int RUN = 3;
    static final String ID_ERROR = "wizard-error";
    static final String ID_FINDINGS = "preflight-findings";
    static final String ID_RESUME = "preflight-resume";
    static final String ID_BREAK_LOCK = "preflight-break-lock";
    static final String ID_RECHECK = "preflight-recheck";
    static final String ID_BLOCKED = "preflight-blocked";
    static final String ID_DIFF = "template-diff";
    static final String ID_PODS = "run-pods";
    static final String ID_ROLLOUT = "run-rollout";
    static final String ID_LINKED_ROLLBACK = "run-linked-rollback";

    private KubePages() {}

    static VBox page(Node... children) {
        VBox page = new VBox(12, children);
        page.getStyleClass().add("wizard-page");
        return page;
    }

    static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(Css.SECTION_TITLE);
        return title;
    }

    /** The refusal of the cluster or of the engine, in full, when there is one. */
    static Message error(KubeWizardCommon common) {
        Message error = new Message("Cannot go on", "");
        error.setId(ID_ERROR);
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(common.errorProperty());
        error.visibleProperty().bind(common.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    static ProgressIndicator spinner(KubeWizardCommon common) {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(common.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        return busy;
    }

    /** Now -> target, grouped by area (image, env, resources, probes, other). */
    static VBox diff(ObservableList<TemplateDiff.Line> lines) {
        VBox box = new VBox(3);
        box.setId(ID_DIFF);
        Runnable render = () -> {
            box.getChildren().clear();
            if (lines.isEmpty()) {
                Label none = new Label("No differences in the pod template.");
                none.getStyleClass().add(Styles.TEXT_MUTED);
                box.getChildren().add(none);
                return;
            }
            TemplateDiff.Area area = null;
            for (TemplateDiff.Line line : lines) {
                if (line.area() != area) {
                    area = line.area();
                    Label heading = new Label(switch (area) {
                        case IMAGE -> "Images";
                        case ENV -> "Environment variables";
                        case RESOURCES -> "Resources";
                        case PROBES -> "Probes";
                        case OTHER -> "Other";
                    });
                    heading.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
                    box.getChildren().add(heading);
                }
                Label l = new Label(line.describe());
                l.setWrapText(true);
                l.getStyleClass().addAll("diff-line", line.before() == null ? "added" : line.after() == null ? "removed" : "changed");
                box.getChildren().add(l);
            }
        };
        lines.addListener((ListChangeListener<TemplateDiff.Line>) c -> render.run());
        render.run();
        return box;
    }

    /** The preflight's findings, each with its remedy: Resume for a paused rollout, Break lock… for a held lock. */
    static VBox preflight(KubeWizardCommon common, Runnable reload, Window owner) {
        VBox list = new VBox(8);
        list.setId(ID_FINDINGS);
        Runnable render = () -> list.getChildren().setAll(common.findings().isEmpty()
                ? List.of(finding(null, new Label("Nothing in the way: not paused, not managed by GitOps, old revisions kept, "
                        + "you may patch it, and no one else holds its lock.")))
                : common.findings().stream().map(f -> findingRow(common, f, reload, owner)).toList());
        common.findings().addListener((ListChangeListener<Finding>) c -> render.run());
        common.breakLockProperty().addListener((obs, was, now) -> render.run());
        render.run();

        Button recheck = new Button("Re-check", new FontIcon(Feather.REFRESH_CW));
        recheck.setId(ID_RECHECK);
        recheck.setOnAction(e -> reload.run());
        recheck.disableProperty().bind(common.loadingProperty());
        Label blocked = new Label();
        blocked.setId(ID_BLOCKED);
        blocked.setWrapText(true);
        blocked.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        blocked.textProperty().bind(Bindings.createStringBinding(() -> common.blockedByProperty().get().isEmpty() ? ""
                : "Cannot continue: " + common.blockedByProperty().get(), common.blockedByProperty()));
        blocked.visibleProperty().bind(common.blockedByProperty().isNotEmpty());
        blocked.managedProperty().bind(blocked.visibleProperty());
        HBox top = new HBox(10, title("Preflight"), spinner(common), new Region(), recheck);
        HBox.setHgrow(top.getChildren().get(2), Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        return page(top, list, blocked, error(common));
    }

    private static Node findingRow(KubeWizardCommon common, Finding f, Runnable reload, Window owner) {
        boolean remedied = f.code() == Finding.Code.LOCK_HELD && common.breakLockProperty().get();
        Label text = new Label(f.message() + (f.remedy().isEmpty() ? "" : " — " + f.remedy()));
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox row = finding(f, text);
        if (f.code() == Finding.Code.PAUSED) {
            Button resume = new Button("_Resume", new FontIcon(Feather.PLAY));
            resume.setId(ID_RESUME);
            resume.disableProperty().bind(common.loadingProperty());
            resume.setOnAction(e -> common.resume(reload));
            row.getChildren().add(resume);
        } else if (f.code() == Finding.Code.LOCK_HELD) {
            if (remedied) {
                text.setText(text.getText() + "\nYou chose to break it: the lock step takes it over and journals whose it was.");
            } else {
                Button breakLock = new Button("Break lock…", new FontIcon(Feather.UNLOCK));
                breakLock.setId(ID_BREAK_LOCK);
                breakLock.getStyleClass().add(Styles.DANGER);
                breakLock.setOnAction(e -> {
                    if (confirmBreak(owner, f)) {
                        common.breakLockProperty().set(true);
                    }
                });
                row.getChildren().add(breakLock);
            }
        }
        return row;
    }

    private static HBox finding(Finding f, Label text) {
        String severity = f == null ? "ok" : switch (f.severity()) {
            case BLOCKER -> "blocker";
            case WARNING -> "warning";
            case INFO -> "info";
        };
        FontIcon icon = new FontIcon(f == null ? Feather.CHECK_CIRCLE : switch (f.severity()) {
            case BLOCKER -> Feather.X_OCTAGON;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case INFO -> Feather.INFO;
        });
        Label tag = new Label(f == null ? "OK" : f.severity().name().toLowerCase(Locale.ROOT), icon);
        tag.setMinWidth(90);
        tag.getStyleClass().add(Styles.TEXT_BOLD);
        HBox row = new HBox(10, tag, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("finding", severity);
        if (f != null) {
            row.setId("finding-" + f.code().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return row;
    }

    static final String ID_BREAK_LOCK_CONFIRM = "break-lock-confirm";

    /** Breaking someone's lock is never one click: it says whose it is and asks. */
    private static boolean confirmBreak(Window owner, Finding f) {
        ButtonType breakIt = new ButtonType("Break the lock", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, f.message() + "\n\nBreak it only if that operation is abandoned: "
                + "if it still runs, two operations will change the application at once. Breaking it is journaled.",
                ButtonType.CANCEL, breakIt);
        alert.initOwner(owner);
        alert.setTitle("Break the lock?");
        alert.setHeaderText("Someone else holds this application's lock");
        alert.getDialogPane().setId(ID_BREAK_LOCK_CONFIRM);
        Button ok = (Button) alert.getDialogPane().lookupButton(breakIt);
        ok.setDefaultButton(false);
        ok.getStyleClass().add(Styles.DANGER);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == breakIt;
    }

    /** The confirm page: the generic confirmation, and the engine's refusal if it has one. */
    static VBox confirm(KubeWizardCommon common, ConfirmStepView view, Node... extra) {
        VBox page = page(view);
        page.getChildren().addAll(extra);
        page.getChildren().add(error(common));
        return page;
    }

    /** The run page: steps live, the rollout line, the pods, and the linked rollback of a failed deploy. */
    static VBox run(KubeWizardCommon common) {
        StepProgressView steps = new StepProgressView(common.progress());
        Label rollout = new Label();
        rollout.setId(ID_ROLLOUT);
        rollout.setWrapText(true);
        rollout.getStyleClass().add(Styles.TEXT_MUTED);
        rollout.textProperty().bind(common.rolloutProperty());
        VBox pods = new VBox(3);
        pods.setId(ID_PODS);
        common.pods().addListener((ListChangeListener<PodState>) c -> pods.getChildren().setAll(
                common.pods().stream().map(KubePages::pod).toList()));
        VBox linked = new VBox(8, title("Rollback after the failure (a second operation, linked to the first)"),
                new StepProgressView(common.rollbackProgress()));
        linked.setId(ID_LINKED_ROLLBACK);
        linked.visibleProperty().bind(common.rollingBackProperty());
        linked.managedProperty().bind(linked.visibleProperty());
        return page(title("Steps"), steps, linked, title("Rollout"), rollout, title("Pods"), pods);
    }

    private static Node pod(PodState p) {
        FontIcon icon = new FontIcon(p.crashLooping() || !p.waitingReason().isEmpty() ? Feather.X_CIRCLE
                : p.ready() ? Feather.CHECK_CIRCLE : Feather.LOADER);
        icon.getStyleClass().add(p.crashLooping() || !p.waitingReason().isEmpty() ? "pod-failed" : p.ready() ? "pod-ready" : "pod-starting");
        Label name = new Label(p.name());
        name.getStyleClass().add(Css.MONO);
        name.setMinWidth(280);
        String image = p.images().isEmpty() ? "" : p.images().getFirst();
        Label state = new Label(p.phase() + (p.ready() ? ", ready" : ", not ready")
                + (p.waitingReason().isEmpty() ? "" : " (" + p.waitingReason() + ")") + ", " + p.restarts()
                + (p.restarts() == 1 ? " restart" : " restarts") + (image.isEmpty() ? "" : " — " + image.substring(image.indexOf('=') + 1)));
        state.getStyleClass().add(Styles.TEXT_SMALL);
        HBox row = new HBox(8, icon, name, state);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("pod-row");
        return row;
    }

    /**
     * The wizard-frame behaviour every Kubernetes wizard shares. Their pages are in the same
     * order — their own first page, preflight, confirm, run — so the page's position says which:
     * Back is off on the first page, Next is the red button on confirm, and on the run page
     * Next and Back go while Cancel becomes Close once the operation has ended.
     */
    static void bindSharedButtons(WizardWindow window, KubeWizardCommon common, ObservableValue<? extends Enum<?>> page) {
        var next = window.nextButton();
        var back = window.backButton();
        var cancel = window.cancelButton();
        var onRun = Bindings.createBooleanBinding(() -> page.getValue().ordinal() == RUN, page);
        next.visibleProperty().bind(onRun.not());
        back.visibleProperty().bind(onRun.not());
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> page.getValue().ordinal() == 0, page));
        page.addListener((obs, was, now) -> {
            next.getStyleClass().remove(Styles.DANGER);
            if (now.ordinal() == CONFIRM) {
                next.getStyleClass().add(Styles.DANGER);
            }
        });
        cancel.textProperty().bind(Bindings.createStringBinding(() -> page.getValue().ordinal() != RUN ? "Cancel"
                : common.progress().runningProperty().get() ? (common.progress().cancellingProperty().get() ? "Cancelling…" : "Cancel")
                : "Close", page, common.progress().runningProperty(), common.progress().cancellingProperty()));
    }

    /**
     * Shows one of the shared pages (preflight, confirm, run) with the focus where the keyboard
     * needs it; returns false for the wizard's own first page, which the wizard shows itself.
     */
    static boolean showSharedPage(WizardWindow window, Enum<?> page, VBox preflightPage, VBox confirmPage,
                                  ConfirmStepView confirm, VBox runPage) {
        window.pageProperty().set(page.ordinal());
        switch (page.ordinal()) {
            case PREFLIGHT -> {
                window.setContent(preflightPage);
                window.focusContent();
            }
            case CONFIRM -> {
                window.setContent(confirmPage);
                confirm.focusFirstField();
            }
            case RUN -> {
                window.setContent(runPage);
                window.cancelButton().requestFocus();
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
