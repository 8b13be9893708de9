package dev.wheelhouse.app.ui.hosts;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.hosts.ConnectionState.Phase;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostMetricsSample.FilesystemUsage;
import dev.wheelhouse.core.hosts.HostMetricsSample.NetworkRate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One host: state, key status, figures, two small charts, disks and network. */
final class HostCard extends VBox {
    static final String CARD = "host-card";
    static final String CHIP = "host-state-chip";
    static final String FIGURE = "host-figure";
    static final String FIGURE_LABEL = "host-figure-label";
    static final String ERROR = "host-error";
    static final String KEY_CHANGED = "host-key-changed";
    static final String CHART = "host-chart";
    static final String MUTED = "host-muted";
    private static final Set<String> NOISE_FS = Set.of("tmpfs", "devtmpfs", "shm", "udev", "none", "efivarfs");
    private static final int MAX_FILESYSTEMS = 5;
    /** Smaller mounts are bind-mounted files and the like, not disks. */
    private static final long MIN_FS_BYTES = 16L << 20;
    private static final int MAX_INTERFACES = 4;

    private final HostCardModel model;
    private final Label chip = new Label();
    private final Label target = new Label();
    private final Label hostKey = new Label();
    private final Label error = new Label();
    private final Label notice = new Label();
    private final VBox keyPanel = new VBox(4);
    private final Label cpu = figure();
    private final Label memory = figure();
    private final Label load = figure();
    private final Label uptime = figure();
    private final Label service = figure();
    private final VBox serviceBox;
    private final XYChart.Series<Number, Number> cpuSeries = new XYChart.Series<>();
    private final NumberAxis cpuTime = timeAxis();
    private final NumberAxis memTime = timeAxis();
    private final XYChart.Series<Number, Number> memSeries = new XYChart.Series<>();
    private final VBox disks = new VBox(4);
    private final VBox network = new VBox(2);
    private final HBox body;
    private final GridPane figures;

    HostCard(HostCardModel model, Runnable onLogs, Runnable onReconnect, Runnable onReviewKey) {
        super(8);
        this.model = model;
        getStyleClass().add(CARD);
        setId("host-card-" + model.alias());

        Label alias = new Label(model.alias(), new FontIcon(Feather.SERVER));
        alias.getStyleClass().addAll(Styles.TITLE_4, "host-alias");
        alias.setMinWidth(Region.USE_PREF_SIZE);
        target.getStyleClass().addAll(Css.MONO, MUTED);
        chip.getStyleClass().addAll(Css.BADGE, CHIP);
        chip.setId("host-state-" + model.alias());
        chip.setMinWidth(Region.USE_PREF_SIZE);
        hostKey.getStyleClass().add(MUTED);
        hostKey.setId("host-key-" + model.alias());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button logs = new Button("Logs…", new FontIcon(Feather.FILE_TEXT));
        logs.setId("host-logs-" + model.alias());
        logs.getStyleClass().add(Styles.SMALL);
        logs.setOnAction(e -> onLogs.run());
        logs.disableProperty().bind(model.stateProperty().isNull());
        Button reconnect = new Button("Reconnect", new FontIcon(Feather.REFRESH_CW));
        reconnect.getStyleClass().add(Styles.SMALL);
        reconnect.setOnAction(e -> onReconnect.run());
        HBox header = new HBox(10, alias, target, spacer, hostKey, chip, logs, reconnect);
        header.setAlignment(Pos.CENTER_LEFT);

        error.getStyleClass().add(ERROR);
        error.setId("host-error-" + model.alias());
        error.setWrapText(true);
        notice.getStyleClass().add(MUTED);
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        keyPanel.getStyleClass().add(KEY_CHANGED);
        keyPanel.setId("host-key-panel-" + model.alias());

        cpu.setId("host-cpu-" + model.alias());
        memory.setId("host-memory-" + model.alias());
        serviceBox = labelled("Service", service);
        figures = new GridPane(18, 4);
        figures.addRow(0, labelled("CPU", cpu), labelled("Memory", memory), labelled("Load 1/5/15", load), labelled("Uptime", uptime), serviceBox);

        LineChart<Number, Number> cpuChart = chart("CPU %", cpuSeries, cpuTime);
        LineChart<Number, Number> memChart = chart("Memory %", memSeries, memTime);
        Label disksTitle = sectionLabel("Disks");
        VBox disksBox = new VBox(4, disksTitle, disks);
        disksBox.setPrefWidth(260);
        disksBox.setMinWidth(200);
        Label netTitle = sectionLabel("Network");
        VBox netBox = new VBox(4, netTitle, network);
        netBox.setMinWidth(190);
        body = new HBox(16, cpuChart, memChart, disksBox, netBox);
        HBox.setHgrow(cpuChart, Priority.ALWAYS);
        HBox.setHgrow(memChart, Priority.ALWAYS);

        Button review = new Button("Review host key…", new FontIcon(Feather.KEY));
        review.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        review.setOnAction(e -> onReviewKey.run());
        review.setId("host-review-key-" + model.alias());
        review.managedProperty().bind(review.visibleProperty());
        review.visibleProperty().bind(model.stateProperty().map(s -> s != null && s.unknownKey() != null && s.phase() != Phase.UP).orElse(false));

        getChildren().addAll(header, error, review, keyPanel, notice, figures, body);
        model.stateProperty().addListener((obs, was, now) -> refreshState(Instant.now()));
        model.latestProperty().addListener((obs, was, now) -> refreshFigures(now));
        model.history().addListener((ListChangeListener<HostMetricsSample>) c -> refreshCharts());
        refreshState(Instant.now());
        refreshFigures(model.latest());
        refreshCharts();
    }

    private static Label figure() {
        Label l = new Label("—");
        l.getStyleClass().add(FIGURE);
        return l;
    }

    private static VBox labelled(String caption, Label value) {
        Label c = new Label(caption);
        c.getStyleClass().add(FIGURE_LABEL);
        return new VBox(0, c, value);
    }

    private static Label sectionLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(FIGURE_LABEL);
        return l;
    }

    private static NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setTickLabelsVisible(false);
        x.setTickMarkVisible(false);
        x.setMinorTickVisible(false);
        return x;
    }

    private static LineChart<Number, Number> chart(String title, XYChart.Series<Number, Number> series, NumberAxis x) {
        NumberAxis y = new NumberAxis(0, 100, 25);
        y.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.getStyleClass().add(CHART);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setVerticalGridLinesVisible(false);
        chart.setPrefSize(260, 140);
        chart.setMinSize(160, 120);
        chart.getData().add(series);
        return chart;
    }

    /** Called on state changes and by the view's one-second tick (for "retry in N s"). */
    void refreshState(Instant now) {
        ConnectionState state = model.state();
        chip.setText(HostFormat.stateText(state, now));
        chip.getStyleClass().removeIf(c -> c.startsWith("host-phase-"));
        Phase phase = state == null ? Phase.CONNECTING : state.phase();
        chip.getStyleClass().add("host-phase-" + phase.name().toLowerCase(Locale.ROOT));
        getStyleClass().removeAll("host-down", "host-up");
        if (phase == Phase.DOWN || phase == Phase.RECONNECTING) {
            getStyleClass().add("host-down");
        } else if (phase == Phase.UP) {
            getStyleClass().add("host-up");
        }
        target.setText(state == null ? "" : state.target());
        HostKeyStatus key = state == null ? HostKeyStatus.NOT_CHECKED : state.hostKey();
        hostKey.setText("host key: " + key.label());
        hostKey.setGraphic(new FontIcon(key.trusted() ? Feather.LOCK : key == HostKeyStatus.NOT_CHECKED ? Feather.KEY : Feather.ALERT_TRIANGLE));

        String lastError = state == null ? null : state.lastError();
        boolean up = phase == Phase.UP;
        boolean changed = key == HostKeyStatus.CHANGED || key == HostKeyStatus.REVOKED;
        error.setText(lastError == null ? "" : (up ? "Last drop: " : "") + lastError);
        error.getStyleClass().remove(MUTED);
        if (up) {
            error.getStyleClass().add(MUTED);
        }
        boolean showError = lastError != null && !changed;
        error.setManaged(showError);
        error.setVisible(showError);
        renderKeyPanel(changed ? state : null);
        body.setOpacity(up ? 1 : 0.45);
        figures.setOpacity(up ? 1 : 0.45);
    }

    private void renderKeyPanel(ConnectionState state) {
        keyPanel.getChildren().clear();
        keyPanel.setManaged(state != null);
        keyPanel.setVisible(state != null);
        if (state == null) {
            return;
        }
        boolean revoked = state.hostKey() == HostKeyStatus.REVOKED;
        Label title = new Label(revoked ? "Host key REVOKED — connection refused" : "Host key CHANGED — connection refused",
                new FontIcon(Feather.ALERT_OCTAGON));
        title.getStyleClass().add("host-key-changed-title");
        keyPanel.getChildren().add(title);
        String message = state.lastError() == null ? "" : state.lastError();
        var parsed = HostFormat.changedKey(message);
        parsed.ifPresent(k -> keyPanel.getChildren().addAll(
                keyLine("Presented now", k.newType() + "  " + k.newFingerprint()),
                keyLine("Recorded before", k.oldType() + "  " + k.oldFingerprint()),
                keyLine("Old key stored at", k.oldWhere())));
        Label detail = new Label(parsed.map(k -> HostFormat.afterChangedKey(message)).orElse(message));
        detail.setWrapText(true);
        keyPanel.getChildren().add(detail);
    }

    private static HBox keyLine(String caption, String value) {
        Label c = new Label(caption);
        c.setMinWidth(130);
        Label v = new Label(value);
        v.getStyleClass().add(Css.MONO);
        return new HBox(8, c, v);
    }

    private void refreshFigures(HostMetricsSample s) {
        // Never sampled (down from the start): no empty charts, the error says it all.
        boolean sampled = s != null;
        for (javafx.scene.Node n : List.of(figures, body)) {
            n.setManaged(sampled);
            n.setVisible(sampled);
        }
        if (s == null) {
            serviceBox.setManaged(false);
            serviceBox.setVisible(false);
            return;
        }
        cpu.setText(HostFormat.percent(s.cpuPercent()) + (s.cpus() > 0 ? " of " + s.cpus() + " CPU" : ""));
        if (s.memory() != null) {
            memory.setText(HostFormat.bytes(s.memory().usedBytes()) + " / " + HostFormat.bytes(s.memory().totalBytes())
                    + String.format(Locale.ROOT, " (%.0f %%)", s.memory().usedPercent()));
        }
        if (s.load() != null) {
            load.setText(String.format(Locale.ROOT, "%.2f  %.2f  %.2f", s.load().one(), s.load().five(), s.load().fifteen()));
        }
        uptime.setText(HostFormat.uptime(s.uptime()));
        boolean hasService = s.service() != null;
        serviceBox.setManaged(hasService);
        serviceBox.setVisible(hasService);
        if (hasService) {
            service.setText(s.service().unit() + ": " + s.service().state());
            service.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            service.getStyleClass().add(s.service().active() ? Styles.SUCCESS : Styles.DANGER);
        }
        renderDisks(s);
        renderNetwork(s);
    }

    private void renderDisks(HostMetricsSample s) {
        Map<String, FilesystemUsage> byMount = new LinkedHashMap<>();
        for (FilesystemUsage fs : s.filesystems()) {
            if (fs.sizeBytes() >= MIN_FS_BYTES && !NOISE_FS.contains(fs.filesystem()) && !fs.mountPoint().startsWith("/dev")
                    && !fs.mountPoint().startsWith("/proc") && !fs.mountPoint().startsWith("/sys") && !fs.mountPoint().startsWith("/run")) {
                byMount.putIfAbsent(fs.mountPoint(), fs);
            }
        }
        List<FilesystemUsage> shown = new ArrayList<>(byMount.values());
        shown.sort(Comparator.comparingDouble(FilesystemUsage::usedPercent).reversed());
        List<javafx.scene.Node> rows = new ArrayList<>();
        for (FilesystemUsage fs : shown.subList(0, Math.min(MAX_FILESYSTEMS, shown.size()))) {
            ProgressBar bar = new ProgressBar(fs.usedPercent() / 100);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().add(Styles.SMALL);
            // AtlantaFX has no coloured progress bars: redefine the accent for this bar only.
            if (fs.usedPercent() >= 90) {
                bar.setStyle("-color-progress-bar-fill: -color-danger-emphasis;");
            } else if (fs.usedPercent() >= 75) {
                bar.setStyle("-color-progress-bar-fill: -color-warning-emphasis;");
            }
            Label name = new Label(fs.mountPoint());
            name.getStyleClass().add(Css.MONO);
            name.setMinWidth(40);
            name.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
            Label figures = new Label(String.format(Locale.ROOT, "%s / %s (%.0f %%)", HostFormat.bytes(fs.usedBytes()),
                    HostFormat.bytes(fs.sizeBytes()), fs.usedPercent()));
            figures.getStyleClass().add(MUTED);
            figures.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            VBox row = new VBox(1, new HBox(6, name, gap, figures), bar);
            Double inodes = fs.inodesUsedPercent();
            Tooltip.install(row, new Tooltip(fs.filesystem() + " on " + fs.mountPoint()
                    + (inodes == null ? "" : String.format(Locale.ROOT, "\ninodes %.0f %% used", inodes))));
            rows.add(row);
        }
        if (rows.isEmpty()) {
            rows.add(new Label("—"));
        }
        disks.getChildren().setAll(rows);
    }

    private void renderNetwork(HostMetricsSample s) {
        // Busiest first: the interfaces that carry the host's traffic, not ifb/dummy ones.
        List<NetworkRate> ifaces = s.network().stream().filter(n -> !"lo".equals(n.iface()))
                .sorted(Comparator.comparingLong((NetworkRate n) -> n.rxBytes() + n.txBytes()).reversed()).toList();
        if (ifaces.isEmpty()) {
            ifaces = s.network();
        }
        List<javafx.scene.Node> rows = new ArrayList<>();
        for (NetworkRate n : ifaces.subList(0, Math.min(MAX_INTERFACES, ifaces.size()))) {
            Label name = new Label(n.iface());
            name.getStyleClass().add(Css.MONO);
            name.setMinWidth(60);
            Label rx = new Label("↓ " + HostFormat.rate(n.rxBytesPerSecond()));
            Label tx = new Label("↑ " + HostFormat.rate(n.txBytesPerSecond()));
            rx.setMinWidth(80);
            rows.add(new HBox(6, name, rx, tx));
        }
        if (rows.isEmpty()) {
            rows.add(new Label("—"));
        }
        network.getChildren().setAll(rows);
    }

    private void refreshCharts() {
        List<HostMetricsSample> history = model.history();
        // Both charts span the same time, so their lines line up.
        if (!history.isEmpty()) {
            double first = history.getFirst().at().toEpochMilli() / 1000.0;
            double last = Math.max(history.getLast().at().toEpochMilli() / 1000.0, first + 1);
            for (NumberAxis axis : List.of(cpuTime, memTime)) {
                axis.setLowerBound(first);
                axis.setUpperBound(last);
                axis.setTickUnit(Math.max(1, (last - first) / 5));
            }
        }
        fill(cpuSeries, history, s -> s.cpuPercent() == null ? Double.NaN : s.cpuPercent());
        fill(memSeries, history, s -> s.memory() == null ? Double.NaN : s.memory().usedPercent());
    }

    private static void fill(XYChart.Series<Number, Number> series, List<HostMetricsSample> history, ToDoubleFunction<HostMetricsSample> value) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(history.size());
        for (HostMetricsSample s : history) {
            double v = value.applyAsDouble(s);
            if (!Double.isNaN(v)) {
                points.add(new XYChart.Data<>(s.at().toEpochMilli() / 1000.0, v));
            }
        }
        series.getData().setAll(points);
    }

    HostCardModel model() {
        return model;
    }
}
