package com.changgou.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void aSuccessfulResultGivesItsData() {
        assertThat(Result.dataOrThrow(Result.ok("x"), IllegalStateException::new)).isEqualTo("x");
    }

    @Test
    void aFailedResultThrowsTheCallersExceptionWithItsMessage() {
        assertThatThrownBy(() -> Result.dataOrThrow(Result.error(StatusCode.ERROR, "broken"), IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessage("broken");
    }

    @Test
    void missingDataAndAMissingBodyAreFailuresToo() {
        assertThatThrownBy(() -> Result.dataOrThrow(Result.ok(null), IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessage("OK");
        assertThatThrownBy(() -> Result.dataOrThrow(null, IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessage("no body");
    }
}
