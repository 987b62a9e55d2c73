package dev.failforward.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --out} folder, checked before any work: it must be a folder (or not exist yet) that
 * can be written. It is not created here, so an early failure leaves no empty folder behind; the
 * report writer creates it.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    static void check(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException("--out " + folder + " is a file; expected a folder");
        }
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new UsageException("--out " + folder + ": " + existing + " is a file; expected a folder");
        }
        // Permission bits do not tell (root, ACLs, read-only mounts): write a file and remove it.
        Path probe = null;
        try {
            probe = Files.createTempFile(existing, ".failforward-out-", ".probe");
        } catch (IOException e) {
            String reason = Refusals.reason(e);
            throw new EnvironmentException("--out " + folder + ": cannot write into " + existing + ": "
                    + (reason != null ? reason : e.getMessage()), e);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // A leftover empty probe file is harmless; the check passed.
                }
            }
        }
    }
}
