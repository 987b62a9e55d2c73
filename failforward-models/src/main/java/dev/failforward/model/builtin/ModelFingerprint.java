package dev.failforward.model.builtin;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a model's serialized bytes, with Tribuo's provenance (which records the training
 * clock time, host and JVM) left out: the same data, settings and seed give the same fingerprint,
 * so it identifies the model's parameters rather than the moment it was trained.
 */
final class ModelFingerprint {

    private static final String OMITTED = "(provenance)";

    private ModelFingerprint() {
    }

    /** Hex SHA-256 of {@code model} and {@code parts}, serialized in that order. */
    static String of(org.tribuo.Model<?> model, Object... parts) {
        MessageDigest sha = sha256();
        String provenanceText = model.getProvenance().toString();
        try (ObjectOutputStream out = new WithoutProvenance(new DigestOutputStream(OutputStream.nullOutputStream(), sha), provenanceText)) {
            out.writeObject(model);
            for (Object part : parts) {
                out.writeObject(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the model to fingerprint it", e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Writes everything but provenance objects and the copy of their text that Tribuo models keep. */
    private static final class WithoutProvenance extends ObjectOutputStream {

        private final String provenanceText;

        WithoutProvenance(OutputStream out, String provenanceText) throws IOException {
            super(out);
            this.provenanceText = provenanceText;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj instanceof Provenance || (obj instanceof String s && s.equals(provenanceText))) {
                return OMITTED;
            }
            return obj;
        }
    }
}
