package com.changgou.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The run's chart, drawn with Java2D: throughput beside PerfTest (left) and latency percentiles,
 * push beside 3-second polling and the QR page (right). Both axes are logarithmic because the
 * figures side by side differ by orders of magnitude.
 */
final class Chart {

    record Bar(String label, double value, Color color) {
    }

    /** A dashed horizontal line at a target value. */
    record Mark(String label, double value) {
    }

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 560;
    private static final Color PAY = new Color(0x2e7d32);
    private static final Color REFERENCE = new Color(0x9e9e9e);
    private static final Color POLL = new Color(0xc62828);
    private static final Color QR = new Color(0x1565c0);

    private Chart() {
    }

    static void write(Results r, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Changgou Pay benchmark, %d cores, %s".formatted(r.cores(), r.started().toLocalDate()), 20, 28);
        PerfTestSummary perf = r.perfTest().summary();
        panel(g, 20, "Throughput (per second, log scale)", "/s", List.of(
                new Bar("orders PAID", r.throughput().ordersPerSecond(), PAY),
                new Bar("PerfTest sent", perf.sendingRate(), REFERENCE),
                new Bar("PerfTest recv", perf.receivingRate(), REFERENCE)),
                List.of(new Mark("target 25%", perf.receivingRate() * Targets.THROUGHPUT_SHARE)));
        Percentiles push = r.push().push();
        Percentiles poll = r.push().polling();
        Percentiles qr = r.qr().latency();
        panel(g, 420, "Latency (ms, log scale)", " ms", List.of(
                new Bar("push p50", push.p50(), PAY), new Bar("push p95", push.p95(), PAY), new Bar("push p99", push.p99(), PAY),
                new Bar("poll p50", poll.p50(), POLL), new Bar("poll p95", poll.p95(), POLL), new Bar("poll p99", poll.p99(), POLL),
                new Bar("QR p50", qr.p50(), QR), new Bar("QR p99", qr.p99(), QR)),
                List.of(new Mark("push p50 target", Targets.PUSH_P50_MS), new Mark("push p99 target", Targets.PUSH_P99_MS),
                        new Mark("QR p99 target", Targets.QR_P99_MS)));
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, int left, String title, String unit, List<Bar> bars, List<Mark> marks) {
        int width = left < 100 ? 360 : 760;
        int top = 70;
        int bottom = HEIGHT - 70;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        double decades = Math.max(1, Math.ceil(Math.log10(Math.max(max, 1.0001))));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(title, left + 40, top - 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int d = 0; d <= decades; d++) {
            int y = bottom - (int) ((bottom - top) * d / decades);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left + 40, y, left + width, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(Math.pow(10, d)), left, y + 4);
        }
        int slot = (width - 50) / bars.size();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double height = (bottom - top) * Math.max(0, Math.log10(Math.max(bar.value(), 1))) / decades;
            int x = left + 50 + i * slot;
            g.setColor(bar.color());
            g.fillRect(x, bottom - (int) height, slot - 12, (int) height);
            g.setColor(Color.BLACK);
            g.drawString(label(bar.value()) + unit, x, bottom - (int) height - 5);
            g.drawString(bar.label(), x, bottom + 16);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(left + 40, bottom, left + width, bottom);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.setColor(new Color(0xef6c00));
        for (Mark mark : marks) {
            int y = bottom - (int) ((bottom - top) * Math.max(0, Math.log10(Math.max(mark.value(), 1))) / decades);
            g.drawLine(left + 40, y, left + width, y);
            g.drawString(mark.label(), left + width - 95, y - 3);
        }
    }

    private static String label(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
