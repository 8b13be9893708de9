package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.cluster.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * CPU and memory over the last minutes, one line per node or pod, from the usage ring buffers;
 * in their place a plain line when there is nothing current to chart (no metrics API, no
 * permission, first sample not in yet). Old samples are never charted under such a line.
 */
public final class UsageCharts extends VBox {
    /** How far back the charts look. */
    static final int WINDOW_MINUTES = 10;

    private final Label message = new Label();
    private final LineChart<Number, Number> cpu;
    private final LineChart<Number, Number> memory;

    /**
     * @param idPrefix ids of the parts: PREFIX-message, PREFIX-cpu-chart, PREFIX-memory-chart
     * @param per "node" or "pod": the charts' titles say what each line is
     */
    public UsageCharts(String idPrefix, String per) {
        super(8);
        message.setId(idPrefix + "-message");
        message.setWrapText(true);
        message.getStyleClass().add(Css.METRICS_ABSENT);
        message.setText("Collecting the first metrics sample…");
        cpu = chart("CPU (millicores)", per);
        memory = chart("Memory (MiB)", per);
        cpu.setId(idPrefix + "-cpu-chart");
        memory.setId(idPrefix + "-memory-chart");
        getChildren().addAll(message, cpu, memory);
        VBox.setVgrow(cpu, Priority.ALWAYS);
        VBox.setVgrow(memory, Priority.ALWAYS);
        setAlignment(Pos.TOP_LEFT);
    }

    private static LineChart<Number, Number> chart(String title, String per) {
        NumberAxis x = new NumberAxis();
        x.setLabel("minutes ago");
        x.setAutoRanging(false);
        x.setLowerBound(-WINDOW_MINUTES);
        x.setUpperBound(0);
        x.setTickUnit(1);
        NumberAxis y = new NumberAxis();
        y.setLabel(title);
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setTitle(title + " per " + per);
        chart.setMinHeight(180);
        return chart;
    }

    /**
     * Shows the series (by name, in the map's order so each keeps its colour), or the message
     * alone when it is not empty. FX thread.
     */
    public void show(String why, Map<String, List<Usage>> series, Instant now) {
        message.setText(why);
        message.setVisible(!why.isEmpty());
        message.setManaged(!why.isEmpty());
        List<XYChart.Series<Number, Number>> cpuLines = new ArrayList<>();
        List<XYChart.Series<Number, Number>> memoryLines = new ArrayList<>();
        for (var e : series.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            XYChart.Series<Number, Number> c = new XYChart.Series<>();
            XYChart.Series<Number, Number> m = new XYChart.Series<>();
            c.setName(e.getKey());
            m.setName(e.getKey());
            for (Usage u : e.getValue()) {
                double ago = -Duration.between(u.at(), now).toMillis() / 60_000.0;
                if (ago < -WINDOW_MINUTES) {
                    continue;
                }
                c.getData().add(new XYChart.Data<>(ago, u.cpuMillis()));
                m.getData().add(new XYChart.Data<>(ago, u.memoryBytes() / (1024.0 * 1024.0)));
            }
            cpuLines.add(c);
            memoryLines.add(m);
        }
        double oldest = cpuLines.stream().flatMap(s -> s.getData().stream())
                .mapToDouble(d -> d.getXValue().doubleValue()).min().orElse(-1);
        double span = Math.min(WINDOW_MINUTES, Math.max(1, Math.ceil(-oldest)));
        for (LineChart<Number, Number> chart : List.of(cpu, memory)) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setLowerBound(-span);
            x.setTickUnit(span <= 2 ? 0.25 : 1);
        }
        boolean charts = !cpuLines.isEmpty() && why.isEmpty();
        cpu.getData().setAll(cpuLines);
        memory.getData().setAll(memoryLines);
        for (LineChart<?, ?> chart : List.of(cpu, memory)) {
            chart.setVisible(charts);
            chart.setManaged(charts);
        }
    }

    /**
     * Where the charts' legends go. A chart drops its legend when less than 150 px of plot would
     * be left under it, so many long names (pods) read better on the side.
     */
    public void setLegendSide(Side side) {
        cpu.setLegendSide(side);
        memory.setLegendSide(side);
    }

    public Label message() {
        return message;
    }

    public LineChart<Number, Number> cpuChart() {
        return cpu;
    }

    public LineChart<Number, Number> memoryChart() {
        return memory;
    }
}
