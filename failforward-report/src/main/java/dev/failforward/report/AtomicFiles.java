package dev.failforward.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that readers see the old file or the whole new one, never a part: the content
 * goes to a temporary file in the same folder, is flushed to disk, and is then moved into place
 * (atomically where the file system can; otherwise by replacing).
 */
public final class AtomicFiles {

    /** Writes the content of a file to the given writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Temporary files being written now; a shutdown hook removes them when the process is stopped. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    /** A temporary file of the same target untouched this long was left by a process killed with SIGKILL. */
    static final Duration STALE = Duration.ofMinutes(10);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Stopping anyway; the next write into the folder removes it once it is stale.
                }
            }
        }, "failforward-temp-files"));
    }

    private AtomicFiles() {
    }

    public static void write(Path target, String content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Writes UTF-8 text produced by {@code content}; if it throws, {@code target} is left as it was. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        // Not Files.createTempFile: that makes the file readable by its owner only, and the report would inherit it.
        Path temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        removeStale(absolute);
        boolean moved = false;
        IN_PROGRESS.add(temp);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
            IN_PROGRESS.remove(temp);
        }
    }

    /** Removes temporary files of {@code target} that a killed process left and nobody has touched for {@link #STALE}. */
    static void removeStale(Path target) {
        String prefix = "." + target.getFileName() + ".";
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), prefix + "*.tmp")) {
            for (Path p : siblings) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Best effort: a leftover temporary file is untidy, not wrong.
        }
    }
}
