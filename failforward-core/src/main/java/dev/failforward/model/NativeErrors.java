package dev.failforward.model;

/**
 * Messages of native libraries (XGBoost, ONNX Runtime) without their backtraces: the reason stays,
 * lines such as {@code Stack trace:} and {@code [bt] (4) /tmp/libxgboost4j.so(...) [0x7f…]} go, and so
 * does the time and source line XGBoost puts first.
 */
public final class NativeErrors {

    private NativeErrors() {
    }

    /** {@code message} without backtrace lines, on one line; "unknown error" when nothing is left. */
    public static String reason(String message) {
        if (message == null) {
            return "unknown error";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("[bt]") || t.equalsIgnoreCase("Stack trace:")) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(t);
        }
        // XGBoost also starts with "[13:22:23] /workspace/src/common/json.cc:434: ": time and source line, no reason.
        String one = sb.toString().replaceAll("\\s*\\[bt\\] \\(\\d+\\).*$", "")
                .replaceAll("^\\[\\d{2}:\\d{2}:\\d{2}\\] \\S+:\\d+: ", "");
        return one.isBlank() ? "unknown error" : one;
    }
}
