package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpTimeTest {

    @Test
    void theWholeSecondsOnTheFilesOneLine(@TempDir Path runDir) throws IOException {
        Files.writeString(runDir.resolve("up-seconds"), "57\n");

        UpTime up = UpTime.read(runDir);

        assertThat(up.seconds()).hasValue(57);
        assertThat(up.measured()).isEqualTo("57 s");
    }

    @Test
    void noFileIsNotMeasuredAndSaysWhereItLooked(@TempDir Path runDir) {
        UpTime up = UpTime.read(runDir);

        assertThat(up.seconds()).isEmpty();
        assertThat(up.measured()).isEqualTo("not measured (no %s)".formatted(runDir.resolve("up-seconds")));
    }

    @Test
    void aFileWithoutWholeSecondsIsNotMeasuredEither(@TempDir Path runDir) throws IOException {
        Files.writeString(runDir.resolve("up-seconds"), "57.3 s\n");

        UpTime up = UpTime.read(runDir);

        assertThat(up.seconds()).isEmpty();
        assertThat(up.measured()).startsWith("not measured (").contains("'57.3 s'");
    }
}
