package dev.failforward.probe;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any text as a probe suite file: a suite, or an {@link IllegalArgumentException} naming the file. */
class SuiteFileFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyTextGivesASuiteOrAClearError(String text) {
        try {
            SuiteFile.parse(text, "suite.yaml");
        } catch (IllegalArgumentException expected) {
            if (!String.valueOf(expected.getMessage()).startsWith("suite.yaml")) {
                throw new IllegalStateException("the error does not name the file: " + expected.getMessage(), expected);
            }
        }
    }
}
