package com.changgou.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The run's chart, drawn by JFreeChart with no display (java.awt.headless): throughput beside the
 * floor and PerfTest, the broker's ceiling (left), and latency percentiles, push to token-routed pages
 * beside the same load on the plain fanout, 3-second polling and the QR page (right), each panel with its targets as dashed lines. Both value axes are logarithmic because the
 * figures side by side differ by orders of magnitude, and each panel has its own, since one counts per
 * second and the other milliseconds.
 */
final class Chart {

    record Bar(String label, double value, Color color) {
    }

    /** A dashed horizontal line at a target value. */
    record Mark(String label, double value) {
    }

    static final int WIDTH = 1200;
    static final int HEIGHT = 560;
    private static final int HEADER = 40;
    private static final int THROUGHPUT_WIDTH = 460;
    /** Bars start here: a log axis has no zero, and a figure below a tenth is too small to matter here. */
    private static final double AXIS_FLOOR = 0.1;
    private static final Color PAY = new Color(0x2e7d32);
    private static final Color FLOOR = new Color(0x6a1b9a);
    private static final Color REFERENCE = new Color(0x9e9e9e);
    private static final Color FANOUT = new Color(0x00838f);
    private static final Color POLL = new Color(0xc62828);
    private static final Color QR = new Color(0x1565c0);
    private static final Color TARGET = new Color(0xef6c00);

    private Chart() {
    }

    static void write(Results r, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        // the run's heading above the two charts, which draw the rest
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEADER);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Changgou Pay benchmark, %d cores, %s".formatted(r.cores(), r.started().toLocalDate()), 20, 28);
        throughput(r).draw(g, new Rectangle2D.Double(0, HEADER, THROUGHPUT_WIDTH, HEIGHT - HEADER));
        latency(r).draw(g, new Rectangle2D.Double(THROUGHPUT_WIDTH, HEADER, WIDTH - THROUGHPUT_WIDTH, HEIGHT - HEADER));
        g.dispose();
        try (OutputStream out = Files.newOutputStream(png)) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        }
    }

    private static JFreeChart throughput(Results r) {
        PerfTestSummary perf = r.perfTest().summary();
        return panel("Throughput (per second, log scale)", "/s", List.of(
                        new Bar("orders PAID", r.throughput().ordersPerSecond(), PAY),
                        new Bar("floor", r.floor().ordersPerSecond(), FLOOR),
                        new Bar("PerfTest sent", perf.sendingRate(), REFERENCE),
                        new Bar("PerfTest recv", perf.receivingRate(), REFERENCE)),
                throughputMarks(r));
    }

    /** The throughput target only: a share of the floor. PerfTest's bars are the broker's ceiling, with no target of their own. */
    static List<Mark> throughputMarks(Results r) {
        return List.of(new Mark("50% of the floor", r.floor().ordersPerSecond() * Targets.FLOOR_SHARE));
    }

    /** Push to token-routed pages beside the same load on the plain fanout, 3-second polling and the QR page. */
    private static JFreeChart latency(Results r) {
        Percentiles push = r.push().tokenRouted().push();
        Percentiles fanout = r.push().fanout().push();
        Percentiles poll = r.push().polling();
        Percentiles qr = r.qr().latency();
        return panel("Latency (ms, log scale), %d pages open".formatted(r.push().payments()), " ms", List.of(
                        new Bar("token p50", push.p50(), PAY), new Bar("token p95", push.p95(), PAY), new Bar("token p99", push.p99(), PAY),
                        new Bar("fanout p50", fanout.p50(), FANOUT), new Bar("fanout p95", fanout.p95(), FANOUT),
                        new Bar("fanout p99", fanout.p99(), FANOUT),
                        new Bar("poll p50", poll.p50(), POLL), new Bar("poll p95", poll.p95(), POLL), new Bar("poll p99", poll.p99(), POLL),
                        new Bar("QR p50", qr.p50(), QR), new Bar("QR p99", qr.p99(), QR)),
                List.of(new Mark("push p50 target", Targets.PUSH_P50_MS), new Mark("push p99 target", Targets.PUSH_P99_MS),
                        new Mark("QR p99 target", Targets.QR_P99_MS)));
    }

    private static JFreeChart panel(String title, String unit, List<Bar> bars, List<Mark> marks) {
        DefaultCategoryDataset values = new DefaultCategoryDataset();
        // a figure the run could not measure (NaN: no frame arrived) keeps its place, without a bar or a label
        bars.forEach(bar -> values.addValue(Double.isFinite(bar.value()) ? Math.max(bar.value(), AXIS_FLOOR) : null, "value",
                bar.label()));
        LogAxis axis = new LogAxis();
        axis.setBase(10);
        axis.setSmallestValue(AXIS_FLOOR);
        axis.setNumberFormatOverride(figures());
        // a tick at each power of ten (the unit counts decades on a log axis), nothing between
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setMinorTickCount(1);
        double highest = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(1);
        double lowest = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).min().orElse(1);
        // from 1 unless a bar is shorter, and up to the decade above the highest bar with room for its label
        axis.setRange(lowest < 1 ? AXIS_FLOOR : 1, Math.pow(10, Math.ceil(Math.log10(Math.max(highest, 1.0001)) + 0.3)));
        CategoryAxis categories = new CategoryAxis();
        // eleven bars share the latency panel: their names may take two lines
        categories.setMaximumCategoryLabelLines(2);
        CategoryPlot plot = new CategoryPlot(values, categories, axis, renderer(bars, unit));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xe0e0e0));
        marks.forEach(mark -> plot.addRangeMarker(marker(mark)));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** One colour per bar (a renderer colours by series, and each panel has one series). */
    private static BarRenderer renderer(List<Bar> bars, String unit) {
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return bars.get(column).color();
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setBase(AXIS_FLOOR);
        renderer.setItemMargin(0);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}" + unit, figures()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return renderer;
    }

    private static ValueMarker marker(Mark mark) {
        ValueMarker marker = new ValueMarker(mark.value(), TARGET,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(mark.label());
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        marker.setLabelPaint(TARGET);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }

    /** At most one decimal, no grouping: 16476, 247.4, 0.8. */
    private static DecimalFormat figures() {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
