package dev.failforward.model.builtin;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Any bytes as a saved model: a model, or an {@link IllegalArgumentException} naming the file. Half
 * of the inputs get a valid version-2 header with a matching checksum, so the fuzzer reaches the
 * manifest and the protobuf payload instead of stopping at the checksum.
 */
class ModelFilesFuzzTest {

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void anyBytesGiveAModelOrAClearError(byte[] bytes) throws IOException, NoSuchAlgorithmException {
        Path file = dir.resolve("fuzz.model");
        if (bytes.length > 0 && (bytes[0] & 1) == 1) {
            byte[] body = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
            String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            byte[] header = ("FAILFORWARD-MODEL 2 " + sum + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] all = java.util.Arrays.copyOf(header, header.length + body.length);
            System.arraycopy(body, 0, all, header.length, body.length);
            Files.write(file, all);
        } else {
            Files.write(file, bytes);
        }
        try {
            ModelFiles.load(file);
        } catch (IllegalArgumentException expected) {
            if (!String.valueOf(expected.getMessage()).startsWith(file.toString())) {
                throw new IllegalStateException("the error does not name the file: " + expected.getMessage(), expected);
            }
        }
    }
}
