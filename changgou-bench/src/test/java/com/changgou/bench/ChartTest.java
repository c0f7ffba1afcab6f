package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @BeforeAll
    static void noDisplay() {
        // as Benchmark.main: the bench runs where there is no screen
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void aRunsResultsAreDrawnAsAPngOfTheChartsSize(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("results.png");

        Chart.write(SampleResults.of(), png);

        assertThat(Files.readAllBytes(png)).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(Chart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Chart.HEIGHT);
    }

    @Test
    void theThroughputPanelMarksHalfTheFloorAndNothingForPerfTest() {
        Results results = SampleResults.of();

        assertThat(Chart.throughputMarks(results))
                .containsExactly(new Chart.Mark("50% of the floor", results.floor().ordersPerSecond() * Targets.FLOOR_SHARE));
    }

    @Test
    void aModeWithoutAnyFrameIsDrawnWithoutItsBars(@TempDir Path dir) throws IOException {
        PushLatencyRun.Mode nothing = new PushLatencyRun.Mode(PushMode.PLAIN_FANOUT, 1000, 0, 1000, 0,
                PushLatencyRun.percentiles(java.util.List.of()), 1000, 0, null, SampleResults.NO_LOAD);
        Results results = SampleResults.of(SampleResults.throughput(), SampleResults.push(SampleResults.routed(1000, 1000), nothing),
                SampleResults.of().up());
        Path png = dir.resolve("results.png");

        Chart.write(results, png);

        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(Chart.WIDTH);
    }
}
