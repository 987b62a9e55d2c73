package dev.failforward.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of outputs: passwords in JDBC URLs, credentials in any URL (the password of
 * {@code user:password@host}, a bare token as user info, query parameters such as
 * {@code api_key}, {@code token} or {@code signature}), and options whose name says they hold one.
 * Every place that shows or stores a store location or a model location passes it through here.
 */
public final class Secrets {

    /** What replaces a secret. */
    public static final String MASK = "***";

    /**
     * A query or JDBC parameter that holds a credential, up to the next separator; one masked
     * already is left alone, so that masking twice does not swallow the ':' after it in a message.
     */
    private static final Pattern PARAMETER = Pattern.compile("(?i)(^|[?&;])((?:password|passwd|pwd|secret|client_secret"
            + "|token|access_token|id_token|refresh_token|auth|auth_token|authorization|api[_-]?key|apikey|key|sig|signature"
            + "|x-amz-signature|x-amz-credential|x-amz-security-token|sas|code)=)(?!\\*\\*\\*(?:[:&;#\\s\"'<>]|$))[^&;#\\s\"'<>]*");
    /** {@code //user:password@}: the password goes. */
    private static final Pattern USER_PASSWORD = Pattern.compile("(//[^/:@\\s\"'<>]+:)[^@/\\s\"'<>]*@");
    /** {@code //token@} (user info without a password is often a token): all of it goes. */
    private static final Pattern USER_TOKEN = Pattern.compile("//[^/:@\\s\"'<>]+@");

    private Secrets() {
    }

    public static String redact(String value) {
        if (value == null) {
            return null;
        }
        String out = PARAMETER.matcher(value).replaceAll("$1$2" + MASK);
        out = USER_PASSWORD.matcher(out).replaceAll("$1" + MASK + "@");
        return USER_TOKEN.matcher(out).replaceAll("//" + MASK + "@");
    }

    public static Map<String, String> redact(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            boolean secret = key.contains("password") || key.contains("secret") || key.contains("token");
            out.put(k, secret ? MASK : redact(v));
        });
        return out;
    }
}
