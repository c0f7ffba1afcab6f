package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StompFrameTest {

    private static final String MESSAGE = "MESSAGE\nsubscription:bench-0\ndestination:/exchange/paynotify\n"
            + "message-id:T_bench-0@@session-1@@1\ncontent-type:application/json\n\n"
            + "{\"token\":\"abc\",\"state\":\"SUCCESS\"}\0";

    @Test
    void aWholeMessageFrameInOnePart() {
        List<StompFrame> frames = new StompFrameReader().append(MESSAGE);

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.command()).isEqualTo("MESSAGE");
            assertThat(frame.header("destination")).isEqualTo("/exchange/paynotify");
            assertThat(frame.header("content-type")).isEqualTo("application/json");
            assertThat(frame.body()).isEqualTo("{\"token\":\"abc\",\"state\":\"SUCCESS\"}");
        });
    }

    @Test
    void aFrameSplitOverSeveralPartsIsReturnedOnlyWhenItsNulArrives() {
        StompFrameReader reader = new StompFrameReader();

        assertThat(reader.append(MESSAGE.substring(0, 20))).isEmpty();
        assertThat(reader.append(MESSAGE.substring(20, 90))).isEmpty();
        List<StompFrame> frames = reader.append(MESSAGE.substring(90));

        assertThat(frames).singleElement().extracting(StompFrame::body).isEqualTo("{\"token\":\"abc\",\"state\":\"SUCCESS\"}");
    }

    @Test
    void twoFramesInOnePartWithHeartBeatsBetween() {
        String second = MESSAGE.replace("abc", "def");

        List<StompFrame> frames = new StompFrameReader().append(MESSAGE + "\n\n" + second + "\n");

        assertThat(frames).extracting(StompFrame::body)
                .containsExactly("{\"token\":\"abc\",\"state\":\"SUCCESS\"}", "{\"token\":\"def\",\"state\":\"SUCCESS\"}");
    }

    @Test
    void aLoneHeartBeatIsNoFrame() {
        StompFrameReader reader = new StompFrameReader();

        assertThat(reader.append("\n")).isEmpty();
        assertThat(reader.append(MESSAGE)).hasSize(1);
    }

    @Test
    void theFirstOfARepeatedHeaderWinsAndEscapesAreDecoded() {
        StompFrame frame = StompFrame.parse("MESSAGE\nfoo:a\\cb\\nc\nfoo:second\n\nbody");

        assertThat(frame.header("foo")).isEqualTo("a:b\nc");
    }

    @Test
    void crLfLineEndingsAreAccepted() {
        StompFrame frame = StompFrame.parse("CONNECTED\r\nversion:1.2\r\n\r\n");

        assertThat(frame.command()).isEqualTo("CONNECTED");
        assertThat(frame.header("version")).isEqualTo("1.2");
    }

    @Test
    void encodesACommandHeadersBlankLineAndNul() {
        String wire = StompFrame.of("SUBSCRIBE", "id", "bench-0", "destination", "/exchange/paynotify").encode();

        assertThat(wire).isEqualTo("SUBSCRIBE\nid:bench-0\ndestination:/exchange/paynotify\n\n\0");
        assertThat(StompFrame.parse(wire.substring(0, wire.length() - 1)).header("destination")).isEqualTo("/exchange/paynotify");
    }

    @Test
    void aFrameWithoutTheBlankLineIsRejected() {
        assertThatThrownBy(() -> StompFrame.parse("MESSAGE\nfoo:bar")).isInstanceOf(IllegalArgumentException.class);
    }
}
