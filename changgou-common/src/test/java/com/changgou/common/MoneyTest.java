package com.changgou.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"0,0.00", "1,0.01", "10,0.10", "100,1.00", "12345,123.45", "-250,-2.50",
            "9223372036854775807,92233720368547758.07"})
    void rendersFenAsYuanWithTwoDecimals(long fen, String yuan) {
        assertThat(Money.yuan(fen)).isEqualTo(yuan);
    }
}
