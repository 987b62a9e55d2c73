package dev.failforward.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/** Keeps secrets out of outputs: passwords in JDBC URLs and options whose name says they hold one. */
public final class Secrets {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private Secrets() {
    }

    public static String redact(String value) {
        if (value == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(value).replaceAll("$1***");
        return USER_INFO.matcher(out).replaceAll("$1***@");
    }

    public static Map<String, String> redact(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            boolean secret = key.contains("password") || key.contains("secret") || key.contains("token");
            out.put(k, secret ? "***" : redact(v));
        });
        return out;
    }
}
