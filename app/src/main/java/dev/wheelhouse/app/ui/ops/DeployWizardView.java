package dev.wheelhouse.app.ui.ops;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.ops.DeployWizardViewModel.Page;
import dev.wheelhouse.app.ui.ops.DeployWizardViewModel.Source;
import dev.wheelhouse.core.workspace.Environment;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The deploy wizard's window: what to deploy, preflight with the diff, confirm, run. */
public final class DeployWizardView {
    public static final String ID_IMAGE = "deploy-image";
    public static final String ID_IMAGE_PROBLEM = "deploy-image-problem";
    public static final String ID_SOURCE_IMAGE = "deploy-source-image";
    public static final String ID_SOURCE_PROMOTE = "deploy-source-promote";
    public static final String ID_PROMOTE_FROM = "deploy-promote-from";
    public static final String ID_ROLLBACK_ON_FAILURE = "deploy-rollback-on-failure";
    public static final String ID_OFFER_ROLLBACK = "deploy-offer-rollback";
    public static final String TITLE_PREFIX = "Deploy ";

    private final DeployWizardViewModel viewModel;
    private final WizardWindow window;
    private final TextField image = new TextField();
    private final ConfirmStepView confirm;
    private final VBox changePage;
    private final VBox preflightPage;
    private final VBox confirmPage;
    private final VBox runPage;

    /**
     * @param offerRollback opens the rollback wizard at a revision, with a reason that names the
     *     failed operation (what "Roll back…" does after a failed deploy)
     */
    public DeployWizardView(Window owner, DeployWizardViewModel viewModel, boolean sandbox,
            BiConsumer<Long, String> offerRollback) {
        this.viewModel = viewModel;
        KubeWizardCommon common = viewModel.common();
        window = new WizardWindow(owner, TITLE_PREFIX + common.target().application(), common.target().environment(), sandbox,
                List.of("Version", "Preflight", "Confirm", "Run"));
        confirm = new ConfirmStepView(common.confirm());
        changePage = changePage(common);
        VBox diffBox = new VBox(8, KubePages.title("Pod template: now → after"), KubePages.diff(viewModel.diff()));
        preflightPage = KubePages.preflight(common, viewModel::load, window.stage());
        preflightPage.getChildren().add(1, diffBox);
        CheckBox rollbackOnFailure = new CheckBox("Roll _back automatically if the deploy fails (a second operation, linked to this one)");
        rollbackOnFailure.setId(ID_ROLLBACK_ON_FAILURE);
        rollbackOnFailure.selectedProperty().bindBidirectional(common.rollbackOnFailureProperty());
        confirmPage = KubePages.confirm(common, confirm, rollbackOnFailure);
        Button offer = new Button("Roll back…", new FontIcon(Feather.ROTATE_CCW));
        offer.setId(ID_OFFER_ROLLBACK);
        offer.getStyleClass().add(Styles.DANGER);
        offer.setVisible(false);
        offer.managedProperty().bind(offer.visibleProperty());
        common.runProperty().addListener((obs, was, now) -> {
            long to = viewModel.offerRollbackTo();
            offer.setVisible(to > 0);
            offer.setText("Roll back to revision " + to + "…");
        });
        offer.setOnAction(e -> {
            long to = viewModel.offerRollbackTo();
            if (to > 0) {
                window.close();
                offerRollback.accept(to, viewModel.rollbackReason());
            }
        });
        runPage = KubePages.run(common);
        runPage.getChildren().add(1, offer);
        buttons(common);
        viewModel.pageProperty().addListener((obs, was, now) -> show(now));
        window.stage().setOnCloseRequest(e -> {
            if (!viewModel.cancel()) {
                e.consume();
            }
        });
        show(viewModel.pageProperty().get());
    }

    private VBox changePage(KubeWizardCommon common) {
        ToggleGroup group = new ToggleGroup();
        RadioButton byImage = new RadioButton("A new _image");
        byImage.setId(ID_SOURCE_IMAGE);
        byImage.setToggleGroup(group);
        RadioButton byPromote = new RadioButton("_Promote the version another environment runs");
        byPromote.setId(ID_SOURCE_PROMOTE);
        byPromote.setToggleGroup(group);
        byPromote.setDisable(viewModel.promotable().isEmpty());
        (viewModel.sourceProperty().get() == Source.IMAGE ? byImage : byPromote).setSelected(true);
        group.selectedToggleProperty().addListener((obs, was, now) ->
                viewModel.sourceProperty().set(now == byPromote ? Source.PROMOTE : Source.IMAGE));

        image.setId(ID_IMAGE);
        image.setPromptText("registry.example.com/shop/" + common.target().application() + ":1.4.2");
        image.textProperty().bindBidirectional(viewModel.imageProperty());
        image.disableProperty().bind(viewModel.sourceProperty().isNotEqualTo(Source.IMAGE));
        Label problem = new Label();
        problem.setId(ID_IMAGE_PROBLEM);
        problem.setWrapText(true);
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.textProperty().bind(viewModel.imageProblemProperty());
        problem.visibleProperty().bind(viewModel.imageProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        viewModel.imageProblemProperty().addListener((obs, was, now) -> {
            image.getStyleClass().remove("field-invalid");
            if (!now.isEmpty()) {
                image.getStyleClass().add("field-invalid");
            }
        });

        ComboBox<Environment> from = new ComboBox<>();
        from.setId(ID_PROMOTE_FROM);
        from.getItems().setAll(viewModel.promotable());
        from.valueProperty().bindBidirectional(viewModel.promoteFromProperty());
        from.setConverter(new StringConverter<>() {
            @Override
            public String toString(Environment env) {
                return env == null ? "" : env.name() + " (" + env.tier().id() + ")";
            }

            @Override
            public Environment fromString(String text) {
                return null;
            }
        });
        from.disableProperty().bind(viewModel.sourceProperty().isNotEqualTo(Source.PROMOTE));
        Label none = new Label(viewModel.promotable().isEmpty() ? "No other environment runs this application." : "");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        return KubePages.page(KubePages.title("What to deploy"), byImage, image, problem, byPromote, from, none,
                KubePages.error(common));
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
        next.textProperty().bind(Bindings.createStringBinding(() -> page.get() == Page.CONFIRM
                ? (viewModel.sourceProperty().get() == Source.PROMOTE ? "_Promote" : "_Deploy") : "_Next", page, viewModel.sourceProperty()));
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> switch (page.get()) {
            case CHANGE -> !viewModel.changeChosenProperty().get();
            case PREFLIGHT -> viewModel.proposalProperty().get() == null || !common.preflightPassedProperty().get();
            case CONFIRM -> !common.confirm().confirmableProperty().get();
            case RUN -> true;
        }, page, viewModel.changeChosenProperty(), viewModel.proposalProperty(), common.preflightPassedProperty(),
                common.confirm().confirmableProperty()));
        KubePages.bindSharedButtons(window, common, page);
    }

    private void show(Page page) {
        if (!KubePages.showSharedPage(window, page, preflightPage, confirmPage, confirm, runPage)) {
            window.setContent(changePage);
            image.requestFocus();
        }
    }

    public void show() {
        window.show();
        image.requestFocus();
    }

    public WizardWindow window() {
        return window;
    }

    public DeployWizardViewModel viewModel() {
        return viewModel;
    }
}
