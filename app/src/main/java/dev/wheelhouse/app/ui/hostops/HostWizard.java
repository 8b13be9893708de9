package dev.wheelhouse.app.ui.hostops;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.ops.ConfirmStepView;
import dev.wheelhouse.app.ui.ops.StepProgressView;
import dev.wheelhouse.app.ui.ops.WizardWindow;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The host deploy and rollback wizards in the shared wizard frame: the deploy asks for the
 * artifact and version, then shows the hosts as read (current release, lock, free space, batch);
 * the rollback shows each host's releases and the target. Both end with the shared confirmation
 * (production: the name typed) and step progress, then the hosts as they ended.
 */
public final class HostWizard {
    public static final String ID_ARTIFACT = "host-artifact";
    public static final String ID_VERSION = "host-version";
    public static final String ID_RELEASE_ID = "host-release-id";
    public static final String ID_PROBLEM = "host-wizard-problem";
    public static final String ID_BREAK_LOCK = "host-break-lock";
    public static final String ID_TARGET = "host-rollback-target";

    private final WizardWindow window;
    private final HostWizardModel model;
    private final List<String> pages;
    private final Label problem = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final ConfirmStepView confirm;
    private int page;

    private HostWizard(Window owner, String title, HostWizardModel model, List<String> pages) {
        this.model = model;
        this.pages = pages;
        HostOpsContext c = model.context();
        this.window = new WizardWindow(owner, title, c.environment(), false, pages);
        problem.setId(ID_PROBLEM);
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busyProperty());
        confirm = new ConfirmStepView(model.confirm());
        window.cancelButton().setOnAction(e -> {
            if (model.progress().runningProperty().get()) {
                model.progress().cancel();
            } else {
                window.close();
            }
        });
        window.stage().setOnHidden(e -> model.close());
        window.backButton().setOnAction(e -> show(page - 1));
    }

    public static HostWizard deploy(Window owner, HostDeployWizardModel model) {
        HostWizard w = new HostWizard(owner, "Deploy " + model.context().application().name() + " to hosts", model,
                List.of("Artifact", "Hosts", "Confirm", "Progress"));
        w.show(0);
        return w;
    }

    public static HostWizard rollback(Window owner, HostRollbackWizardModel model) {
        HostWizard w = new HostWizard(owner, "Roll back " + model.context().application().name() + " on hosts", model,
                List.of("Releases", "Confirm", "Progress"));
        w.show(0);
        model.inspect(ok -> { });
        model.targetProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(was) && w.page == 0) {
                model.inspect(ok -> { });
            }
        });
        return w;
    }

    private boolean isDeploy() {
        return model instanceof HostDeployWizardModel;
    }

    private void show(int index) {
        page = Math.max(0, index);
        window.pageProperty().set(page);
        String name = pages.get(page);
        Button next = window.nextButton();
        next.disableProperty().unbind();
        next.setDisable(false);
        window.backButton().setDisable(page == 0 || name.equals("Progress"));
        switch (name) {
            case "Artifact" -> {
                window.setContent(artifactPage());
                next.setText("_Next");
                next.disableProperty().bind(model.busyProperty());
                next.setOnAction(e -> model.inspect(ok -> {
                    if (!model.hosts().isEmpty()) {
                        show(1);
                    }
                }));
            }
            case "Hosts", "Releases" -> {
                window.setContent(hostsPage());
                next.setText("_Next");
                next.disableProperty().bind(model.busyProperty().or(model.confirm().blockedProperty())
                        .or(model.confirm().planProperty().isNull()));
                next.setOnAction(e -> show(page + 1));
            }
            case "Confirm" -> {
                window.setContent(confirm);
                next.setText(isDeploy() ? "_Deploy" : "_Roll back");
                next.disableProperty().bind(model.confirm().confirmableProperty().not().or(model.busyProperty()));
                next.setOnAction(e -> {
                    model.run(r -> { });
                    show(page + 1);
                });
                confirm.focusFirstField();
            }
            case "Progress" -> {
                VBox box = new VBox(16, new HostRowsView(model.hosts(), !isDeploy()), problem, new StepProgressView(model.progress()));
                window.setContent(box);
                next.setText("_Close");
                next.disableProperty().bind(model.progress().runningProperty().or(model.busyProperty()));
                next.setOnAction(e -> window.close());
                window.cancelButton().disableProperty().bind(Bindings.createBooleanBinding(
                        () -> !model.progress().runningProperty().get(), model.progress().runningProperty()));
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private Node artifactPage() {
        HostDeployWizardModel m = (HostDeployWizardModel) model;
        TextField artifact = new TextField();
        artifact.setId(ID_ARTIFACT);
        artifact.setPromptText("/path/to/build/app.jar or a directory");
        artifact.textProperty().bindBidirectional(m.artifactProperty());
        HBox.setHgrow(artifact, Priority.ALWAYS);
        Button file = new Button("File…");
        file.setOnAction(e -> {
            File f = new FileChooser().showOpenDialog(window.stage());
            if (f != null) {
                m.artifactProperty().set(f.getAbsolutePath());
            }
        });
        Button dir = new Button("Directory…");
        dir.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(window.stage());
            if (f != null) {
                m.artifactProperty().set(f.getAbsolutePath());
            }
        });
        TextField version = new TextField();
        version.setId(ID_VERSION);
        version.setPromptText("e.g. 1.4.2");
        version.textProperty().bindBidirectional(m.versionProperty());
        version.textProperty().addListener((obs, was, now) -> m.inputsChanged());
        TextField releaseId = new TextField();
        releaseId.setId(ID_RELEASE_ID);
        releaseId.setPromptText("optional: made from the time and the version");
        releaseId.textProperty().bindBidirectional(m.releaseIdProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label("Artifact"), new HBox(8, artifact, file, dir));
        form.addRow(1, new Label("Version"), version);
        form.addRow(2, new Label("Release id"), releaseId);
        GridPane.setHgrow(form.getChildren().get(1), Priority.ALWAYS);
        Label how = new Label("The artifact is uploaded by SFTP into releases/<release id>/ under "
                + model.context().application().hostService().deployRoot() + " on each host, its SHA-256 checked there, "
                + "shared paths linked, then current switched to it atomically, the service restarted and its health checked, "
                + "batch by batch.");
        how.setWrapText(true);
        how.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(14, how, form, new HBox(8, busy, problem));
    }

    private Node hostsPage() {
        VBox box = new VBox(14);
        if (model instanceof HostRollbackWizardModel m) {
            ComboBox<String> target = new ComboBox<>(m.choices());
            target.setId(ID_TARGET);
            target.valueProperty().bindBidirectional(m.targetProperty());
            HBox row = new HBox(10, new Label("Roll back to"), target, busy);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        } else {
            box.getChildren().add(busy);
        }
        Label locks = new Label();
        locks.setWrapText(true);
        locks.getStyleClass().add(Styles.WARNING);
        locks.textProperty().bind(model.lockHeldProperty());
        CheckBox breakLock = new CheckBox("Break the lock: I checked that its holder is no longer working on these hosts (journaled)");
        breakLock.setId(ID_BREAK_LOCK);
        breakLock.selectedProperty().bindBidirectional(model.breakLockProperty());
        breakLock.selectedProperty().addListener((obs, was, now) -> model.inspect(ok -> { }));
        VBox lockBox = new VBox(6, locks, breakLock);
        lockBox.managedProperty().bind(model.lockHeldProperty().isNotEmpty());
        lockBox.visibleProperty().bind(model.lockHeldProperty().isNotEmpty());
        box.getChildren().addAll(new HostRowsView(model.hosts(), !isDeploy()), lockBox, problem);
        return box;
    }

    public WizardWindow window() {
        return window;
    }

    public void showWindow() {
        window.show();
    }
}
