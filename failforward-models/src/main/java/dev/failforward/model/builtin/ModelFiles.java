package dev.failforward.model.builtin;

import dev.failforward.model.Model;
import dev.failforward.model.text.TextEmbeddingModel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Saves and loads built-in models (Tribuo-trained ones, and the text model, whose embedder is not
 * saved but loaded again). A file is a short text header, so that other files are told
 * apart with one clear message, followed by the Java serialization of the model. Loading accepts
 * only the classes a model is made of, so a crafted file cannot run code from other libraries.
 * Writes go to a temporary file that is then moved into place, so a file is never half-written.
 */
public final class ModelFiles {

    private static final byte[] HEADER = "FAILFORWARD-MODEL 1\n".getBytes(StandardCharsets.US_ASCII);

    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;dev.failforward.**;org.tribuo.**;com.oracle.labs.mlrg.olcut.**;java.lang.*;java.util.*;java.time.*;!*");

    private ModelFiles() {
    }

    /** Writes {@code model}, which must be a built-in model, to {@code file}, replacing it if it exists. */
    public static void save(Model model, Path file) {
        if (!(model instanceof TribuoModel || model instanceof TextEmbeddingModel)) {
            throw new IllegalArgumentException("only built-in models can be saved; " + model.id() + " is not one");
        }
        Model builtin = model;
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp));
                 ObjectOutputStream out = new ObjectOutputStream(writeHeader(raw))) {
                out.writeObject(builtin);
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
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] header = in.readNBytes(HEADER.length);
            if (!Arrays.equals(header, HEADER)) {
                throw new IllegalArgumentException(file + ": not a FailForward model file");
            }
            ObjectInputStream objects = new ObjectInputStream(in);
            objects.setObjectInputFilter(ALLOWED);
            Object model = objects.readObject();
            if (!(model instanceof TribuoModel || model instanceof TextEmbeddingModel)) {
                throw new IllegalArgumentException(file + ": not a FailForward model file (it holds a "
                        + model.getClass().getName() + ")");
            }
            return (Model) model;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such model file", e);
        } catch (InvalidClassException e) {
            if (String.valueOf(e.getMessage()).contains("REJECTED")) {
                throw new IllegalArgumentException(file + ": not a FailForward model file (it holds objects a model is not made of)", e);
            }
            throw new IllegalArgumentException(file + ": a FailForward model file from an incompatible version ("
                    + e.getMessage() + ")", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(file + ": a FailForward model file from an incompatible version ("
                    + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + ": a damaged FailForward model file (it ends too early)", e);
        } catch (ObjectStreamException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": a damaged FailForward model file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the model: " + e.getMessage(), e);
        }
    }

    private static OutputStream writeHeader(OutputStream out) throws IOException {
        out.write(HEADER);
        return out;
    }
}
