package dev.failforward.model.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A model file named by a {@code --model PREFIX:PATH} spec: where it is and its bytes. */
public record ModelFile(Path path, byte[] bytes) {

    /**
     * Reads the file of {@code spec}; a blank path or a missing file is bad input, with
     * {@code example} (such as {@code onnx:model.onnx}) shown in the message.
     */
    public static ModelFile read(String spec, String prefix, String example) {
        String given = spec.substring(prefix.length());
        if (given.isBlank()) {
            throw new IllegalArgumentException("--model " + prefix + " needs a file, as in " + example);
        }
        Path file = Path.of(given).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model " + spec + ": no such file " + file);
        }
        try {
            return new ModelFile(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
