package dev.failforward.failure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Stable content hashes (SHA-256, hex). */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * The fingerprint of a failure: row key, input (columns in name order), origin and the probe's
     * parameters. It leaves out the model and the run, so the same failure is recognised across both.
     */
    public static String failure(String rowKey, Map<String, Object> input, String origin, Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        sb.append(rowKey).append('\u0000');
        new TreeMap<>(input).forEach((k, v) -> sb.append(k).append('=').append(v).append('\u0000'));
        sb.append(origin).append('\u0000');
        new TreeMap<>(parameters).forEach((k, v) -> sb.append(k).append('=').append(v).append('\u0000'));
        return hex(sha256().digest(sb.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }
}
