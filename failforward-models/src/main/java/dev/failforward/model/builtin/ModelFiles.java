package dev.failforward.model.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.model.Model;
import dev.failforward.model.text.TextEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Saves and loads built-in models (Tribuo-trained ones, and the text model, whose embedder is not
 * saved but loaded again) in a format that runs no code when read:
 * <pre>
 * FAILFORWARD-MODEL 2 &lt;SHA-256 of the rest, hex&gt;\n
 * &lt;manifest: one line of JSON&gt;\n
 * &lt;payload: Tribuo's protobuf bytes of the model, or nothing for the text model&gt;
 * </pre>
 * The manifest holds the target, the fitted encoders, the regression scaling, the text model's
 * weights and the fingerprint ({@link ModelManifest}); the payload is checked by {@link TribuoProtos}
 * before Tribuo reads it. A file whose checksum does not match is refused before anything is parsed.
 * Files of version 1 (Java serialisation) are read once behind a strict filter ({@link LegacyModelFiles})
 * and rewritten in this format. Writes go to a temporary file that is then moved into place.
 */
public final class ModelFiles {

    /** The format written now. */
    public static final int VERSION = 2;
    private static final String MAGIC = "FAILFORWARD-MODEL ";
    private static final int MAX_HEADER = 100;

    private ModelFiles() {
    }

    /** Writes {@code model}, which must be a built-in model, to {@code file}, replacing it if it exists. */
    public static void save(Model model, Path file) {
        if (!(model instanceof TribuoModel || model instanceof TextEmbeddingModel)) {
            throw new IllegalArgumentException("only built-in models can be saved; " + model.id() + " is not one");
        }
        byte[] body = body(model);
        byte[] header = (MAGIC + VERSION + " " + HexFormat.of().formatHex(sha256(body)) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (var out = Files.newOutputStream(temp)) {
                out.write(header);
                out.write(body);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the model: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; that is the error to report.
                }
            }
        }
    }

    /** Reads a model written by {@link #save}; any other file gives an {@link IllegalArgumentException} naming it. */
    public static Model load(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such model file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the model: " + e.getMessage(), e);
        }
        int newline = -1;
        for (int i = 0; i < Math.min(bytes.length, MAX_HEADER); i++) {
            if (bytes[i] == '\n') {
                newline = i;
                break;
            }
        }
        String header = newline < 0 ? "" : new String(bytes, 0, newline, StandardCharsets.US_ASCII);
        if (!header.startsWith(MAGIC)) {
            throw new IllegalArgumentException(file + ": not a FailForward model file");
        }
        if (header.equals(LegacyModelFiles.HEADER)) {
            Model model = LegacyModelFiles.read(file, Arrays.copyOfRange(bytes, newline + 1, bytes.length));
            convert(model, file);
            return model;
        }
        String[] parts = header.substring(MAGIC.length()).split(" ");
        if (parts.length != 2 || !parts[0].equals(Integer.toString(VERSION))) {
            throw new IllegalArgumentException(file + ": a FailForward model file of another version ('" + header
                    + "'); this version reads versions 1 and " + VERSION);
        }
        byte[] body = Arrays.copyOfRange(bytes, newline + 1, bytes.length);
        if (!HexFormat.of().formatHex(sha256(body)).equals(parts[1])) {
            throw new IllegalArgumentException(file + ": a damaged FailForward model file (its checksum does not match)");
        }
        try {
            return fromBody(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": a damaged FailForward model file (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] body(Model model) {
        ObjectNode m = ModelManifest.JSON.createObjectNode();
        byte[] payload = new byte[0];
        m.put("id", model.id());
        m.set("target", ModelManifest.target(model.target()));
        m.put("fingerprint", model.fingerprint());
        if (model instanceof TribuoModel t) {
            m.put("kind", "tribuo");
            m.set("encoder", ModelManifest.encoder(t.encoder()));
            m.set("scale", ModelManifest.scale(t.scale()));
            m.put("concurrent", t.concurrent());
            payload = TribuoProtos.bytes(t.tribuoModel());
        } else if (model instanceof TextEmbeddingModel text) {
            m.put("kind", "text-embedding");
            m.put("text_column", text.textColumn());
            m.set("weights", ModelManifest.weights(text.weights()));
        }
        m.put("payload_bytes", payload.length);
        byte[] manifest;
        try {
            manifest = ModelManifest.JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException("a tree of plain JSON values always serialises", e);
        }
        byte[] body = Arrays.copyOf(manifest, manifest.length + 1 + payload.length);
        body[manifest.length] = '\n';
        System.arraycopy(payload, 0, body, manifest.length + 1, payload.length);
        return body;
    }

    private static Model fromBody(byte[] body) {
        int newline = 0;
        while (newline < body.length && body[newline] != '\n') {
            newline++;
        }
        if (newline == body.length) {
            throw new IllegalArgumentException("no manifest line");
        }
        JsonNode m;
        try {
            m = ModelManifest.JSON.readTree(body, 0, newline);
        } catch (IOException e) {
            throw new IllegalArgumentException("the manifest is not JSON", e);
        }
        if (m == null || !m.isObject()) {
            throw new IllegalArgumentException("the manifest is not a JSON object");
        }
        byte[] payload = Arrays.copyOfRange(body, newline + 1, body.length);
        if (ModelManifest.number(m, "payload_bytes") != payload.length) {
            throw new IllegalArgumentException("the payload has " + payload.length + " bytes, the manifest says "
                    + m.get("payload_bytes"));
        }
        String kind = ModelManifest.text(m, "kind");
        String id = ModelManifest.text(m, "id");
        var target = ModelManifest.target(ModelManifest.field(m, "target"));
        String fingerprint = ModelManifest.text(m, "fingerprint");
        return switch (kind) {
            case "tribuo" -> TribuoModel.restore(id, target, ModelManifest.encoder(ModelManifest.field(m, "encoder")),
                    TribuoProtos.model(payload), ModelManifest.scale(m.get("scale")), ModelManifest.bool(m, "concurrent"),
                    fingerprint);
            case "text-embedding" -> TextEmbeddingModel.restore(id, target, ModelManifest.text(m, "text_column"),
                    ModelManifest.weights(ModelManifest.field(m, "weights")), fingerprint);
            default -> throw new IllegalArgumentException("unknown kind of model '" + kind + "'");
        };
    }

    /** Rewrites a version-1 file in the current format, so it is read without Java serialisation from now on. */
    private static void convert(Model model, Path file) {
        try {
            save(model, file);
        } catch (UncheckedIOException e) {
            // A read-only folder: the model is still usable; the file is read the old way again next time.
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
