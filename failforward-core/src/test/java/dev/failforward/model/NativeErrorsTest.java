package dev.failforward.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeErrorsTest {

    /** As XGBoost 3.x reports a model file it cannot parse. */
    private static final String XGBOOST = """
            [13:22:23] /workspace/src/common/json.cc:434: Unknown construct, around character position: 1
            Stack trace:
              [bt] (0) /tmp/libxgboost4j2771.so(+0x1b3d4c) [0x7f3a1c9b3d4c]
              [bt] (1) /tmp/libxgboost4j2771.so(+0x2a1f10) [0x7f3a1caa1f10]
              [bt] (4) /tmp/libxgboost4j2771.so(XGBoosterLoadModelFromBuffer+0x6d) [0x7f3a1c92d8ad]
            """;

    @Test
    void keepsTheReasonAndDropsFramesTimeAndSourceLine() {
        assertThat(NativeErrors.reason(XGBOOST)).isEqualTo("Unknown construct, around character position: 1");
    }

    @Test
    void framesOnOneLineGoToo() {
        assertThat(NativeErrors.reason("bad input [bt] (0) /tmp/x.so(+0x1) [0x7f00]")).isEqualTo("bad input");
        assertThat(NativeErrors.reason(null)).isEqualTo("unknown error");
        assertThat(NativeErrors.reason("Stack trace:\n  [bt] (0) x")).isEqualTo("unknown error");
        assertThat(NativeErrors.reason("map::at")).isEqualTo("map::at");
    }
}
