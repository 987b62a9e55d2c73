package dev.failforward.failure;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any text as {@code --where}: a condition, or an {@link IllegalArgumentException}; never another exception or a hang. */
class WhereParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyTextGivesAConditionOrAClearError(String text) {
        try {
            WhereParser.parse(text);
        } catch (IllegalArgumentException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new IllegalStateException("an error without a message", expected);
            }
        }
    }
}
