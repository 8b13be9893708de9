package dev.wheelhouse.app.ui.ops;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.ops.RollbackWizardViewModel.Page;
import dev.wheelhouse.core.cluster.Ages;
import dev.wheelhouse.ops.kube.RevisionRow;
import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The rollback wizard's window: revisions and diff, preflight, confirm, run. Enter goes on (the
 * suggested revision is preselected, so an incident rollback is Enter, Enter, type, Enter);
 * Escape cancels.
 */
public final class RollbackWizardView {
    public static final String ID_REVISIONS = "rollback-revisions";
    public static final String TITLE_PREFIX = "Roll back ";

    private final RollbackWizardViewModel viewModel;
    private final WizardWindow window;
    private final ListView<RevisionRow> revisions = new ListView<>();
    private final ConfirmStepView confirm;
    private final VBox revisionsPage;
    private final VBox preflightPage;
    private final VBox confirmPage;
    private final VBox runPage;

    public RollbackWizardView(Window owner, RollbackWizardViewModel viewModel, boolean sandbox) {
        this.viewModel = viewModel;
        KubeWizardCommon common = viewModel.common();
        this.window = new WizardWindow(owner, TITLE_PREFIX + common.target().application(), common.target().environment(),
                sandbox, List.of("Revision", "Preflight", "Confirm", "Run"));
        this.confirm = new ConfirmStepView(common.confirm());
        this.revisionsPage = revisionsPage(common);
        this.preflightPage = KubePages.preflight(common, viewModel::load, window.stage());
        this.confirmPage = KubePages.confirm(common, confirm);
        this.runPage = KubePages.run(common);
        buttons(common);
        viewModel.pageProperty().addListener((obs, was, now) -> show(now));
        window.stage().setOnCloseRequest(e -> {
            if (!viewModel.cancel()) {
                e.consume();
            }
        });
        show(viewModel.pageProperty().get());
        // Lets tests and the screenshot tool reach the wizard from its window.
        window.stage().getProperties().put(RollbackWizardView.class, this);
    }

    private VBox revisionsPage(KubeWizardCommon common) {
        revisions.setId(ID_REVISIONS);
        revisions.getStyleClass().add("revision-list");
        revisions.setItems(viewModel.revisions());
        revisions.setCellFactory(list -> new RevisionCell());
        revisions.setPrefHeight(360);
        // The list would take Enter for itself (to edit a cell): here it means "go on".
        revisions.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (!window.nextButton().isDisabled()) {
                    window.nextButton().fire();
                }
            }
        });
        revisions.setMinWidth(430);
        revisions.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, was, now) -> {
            if (now != revisions.getSelectionModel().getSelectedItem()) {
                revisions.getSelectionModel().select(now);
                revisions.scrollTo(now);
            }
        });
        Label hint = new Label("Newest first. Selected: the newest revision before the current one that no journaled "
                + "operation saw fail.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox left = new VBox(8, new HBox(10, KubePages.title("Revisions"), KubePages.spinner(common)), revisions, hint);
        Label diffTitle = KubePages.title("Pod template: now → selected");
        VBox right = new VBox(8, diffTitle, KubePages.diff(viewModel.diff()));
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setMinWidth(300);
        HBox both = new HBox(18, left, right);
        return KubePages.page(both, KubePages.error(common));
    }

    /** Number, version, age, change-cause, and who/why from the history; current, suggested and failed marked. */
    private final class RevisionCell extends ListCell<RevisionRow> {
        @Override
        protected void updateItem(RevisionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label number = new Label("Revision " + row.number());
            number.getStyleClass().add(Styles.TEXT_BOLD);
            Label version = new Label(row.version() == null ? "" : row.version());
            version.getStyleClass().add(Styles.TEXT_BOLD);
            HBox head = new HBox(8, number, version);
            head.setAlignment(Pos.CENTER_LEFT);
            if (viewModel.isCurrent(row)) {
                head.getChildren().add(tag("running now", Styles.ACCENT));
            }
            if (viewModel.isSuggested(row)) {
                head.getChildren().add(tag("suggested", Styles.SUCCESS));
            }
            if (row.failed()) {
                head.getChildren().add(tag("failed before", Styles.DANGER));
            }
            String images = String.join(", ", row.revision().images().stream().map(i -> i.substring(i.indexOf('=') + 1)).toList());
            Instant created = row.revision().created();
            Label detail = new Label(images + (created == null ? "" : " · " + Ages.since(created, Instant.now()) + " ago"));
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox box = new VBox(2, head, detail);
            String whoWhy = (row.who().isEmpty() ? "" : row.who()) + (row.why().isEmpty() ? "" : (row.who().isEmpty() ? "" : ": ") + row.why());
            String cause = row.revision().changeCause();
            if (!whoWhy.isEmpty()) {
                Label why = new Label(whoWhy + (row.operationId() > 0 ? " (operation " + row.operationId() + ")" : ""));
                why.getStyleClass().add(Styles.TEXT_SMALL);
                why.setWrapText(true);
                box.getChildren().add(why);
            } else if (!cause.isEmpty()) {
                Label why = new Label(cause);
                why.getStyleClass().add(Styles.TEXT_SMALL);
                box.getChildren().add(why);
            }
            box.setMaxWidth(400);
            setText(null);
            setGraphic(box);
        }
    }

    private static Label tag(String text, String style) {
        Label tag = new Label(text);
        tag.getStyleClass().addAll(Styles.TEXT_SMALL, style, "revision-tag");
        return tag;
    }

    private void buttons(KubeWizardCommon common) {
        var next = window.nextButton();
        var back = window.backButton();
        var cancel = window.cancelButton();
        next.setOnAction(e -> viewModel.next());
        back.setOnAction(e -> viewModel.back());
        cancel.setOnAction(e -> {
            if (viewModel.cancel()) {
                window.close();
            }
        });
        var page = viewModel.pageProperty();
        next.textProperty().bind(Bindings.createStringBinding(() -> page.get() == Page.CONFIRM ? "_Roll back" : "_Next", page));
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> switch (page.get()) {
            case REVISIONS -> common.loadingProperty().get() || !viewModel.revisionChosenProperty().get();
            case PREFLIGHT -> !common.preflightPassedProperty().get();
            case CONFIRM -> !common.confirm().confirmableProperty().get();
            case RUN -> true;
        }, page, common.loadingProperty(), viewModel.revisionChosenProperty(), common.preflightPassedProperty(),
                common.confirm().confirmableProperty()));
        KubePages.bindSharedButtons(window, common, page);
    }

    private void show(Page page) {
        if (!KubePages.showSharedPage(window, page, preflightPage, confirmPage, confirm, runPage)) {
            window.setContent(revisionsPage);
            revisions.requestFocus();
        }
    }

    public void show() {
        window.show();
        viewModel.load();
        revisions.requestFocus();
    }

    public WizardWindow window() {
        return window;
    }

    public RollbackWizardViewModel viewModel() {
        return viewModel;
    }
}
