package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @Test
    void scriptsRunInVersionOrderAsFlywayRunsThemNotInNameOrder(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"V10__later.sql", "V2__second.sql", "V1__first.sql", "README.md", "R__repeatable.sql"}) {
            Files.writeString(dir.resolve(name), "SELECT 1;");
        }

        assertThat(new Migrations(dir).scripts()).extracting(script -> script.getFileName().toString())
                .containsExactly("V1__first.sql", "V2__second.sql", "V10__later.sql");
    }

    @Test
    void theServicesMigrationsAreFoundInTheRepository() {
        Path root = Path.of("..").toAbsolutePath().normalize();

        assertThat(Migrations.of(root, "changgou-service-pay").scripts()).first()
                .satisfies(script -> assertThat(script.getFileName()).hasToString("V1__pay_record.sql"));
        assertThat(Migrations.of(root, "changgou-service-order").scripts()).first()
                .satisfies(script -> assertThat(script.getFileName()).hasToString("V1__orders.sql"));
    }

    @Test
    void aDirectoryWithoutMigrationsIsAnError(@TempDir Path empty) {
        assertThatThrownBy(() -> new Migrations(empty).scripts()).hasMessageContaining("no V<n>__*.sql migrations");
    }
}
