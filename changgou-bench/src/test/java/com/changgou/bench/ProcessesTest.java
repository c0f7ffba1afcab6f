package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

    @Test
    void theBrokerAndTheDatabaseAreCountedBesideTheApps(@TempDir Path runDirWithoutApps) {
        // The tests need the machine's MariaDB and RabbitMQ running, so both have used some CPU.
        Map<String, Double> cpu = Processes.cpuSeconds(runDirWithoutApps);

        assertThat(cpu).containsOnlyKeys("MariaDB (mariadbd)", "RabbitMQ (beam.smp)");
        assertThat(cpu.values()).allSatisfy(seconds -> assertThat(seconds).isPositive());
    }
}
