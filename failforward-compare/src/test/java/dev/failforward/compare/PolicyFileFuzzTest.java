package dev.failforward.compare;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any text as a gate policy file: a policy, or an {@link IllegalArgumentException} naming the file. */
class PolicyFileFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyTextGivesAPolicyOrAClearError(String text) {
        try {
            PolicyFile.parse(text, "policy.yaml");
        } catch (IllegalArgumentException expected) {
            if (!String.valueOf(expected.getMessage()).startsWith("policy.yaml")) {
                throw new IllegalStateException("the error does not name the file: " + expected.getMessage(), expected);
            }
        }
    }
}
