package com.changgou.pay.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YuanTest {

    @ParameterizedTest(name = "\"{0}\" is {1} fen")
    @CsvSource({"12.3, 1230", "12.30, 1230", "12, 1200", "0.01, 1", "0, 0", "25.99, 2599", "99999999999999.99, 9999999999999999"})
    void exactAmountsConvert(String yuan, long fen) {
        assertThat(Yuan.toFen(yuan)).hasValue(fen);
    }

    @ParameterizedTest(name = "\"{0}\" is no amount")
    @ValueSource(strings = {"25.001", "12.300", "-1", "+1", "1e2", " 1", "1 ", "01", "1.", ".5", "1,00", "", "１", "NaN",
            "999999999999999.00"})
    void anythingElseIsRefused(String yuan) {
        assertThat(Yuan.toFen(yuan)).isEmpty();
    }

    @ParameterizedTest(name = "{0} fen is \"{1}\"")
    @CsvSource({"1230, 12.30", "1, 0.01", "2599, 25.99", "100, 1.00"})
    void fenAreWrittenWithTwoDecimals(long fen, String yuan) {
        assertThat(Yuan.of(fen)).isEqualTo(yuan);
    }
}
