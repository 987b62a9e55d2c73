package dev.failforward.cli;

import dev.failforward.store.StoreRefusedException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;
import java.util.Optional;

/** Tells an error the environment caused (exit code 5) from a bug, and says it in one plain line. */
final class Refusals {

    private static final String[] REASONS = {"no space left on device", "disk quota exceeded", "read-only file system",
        "permission denied", "operation not permitted", "too many open files", "input/output error"};

    private Refusals() {
    }

    /** The line to print when {@code e} is a refusal of the environment; empty when it is not. */
    static Optional<String> message(Throwable e) {
        if (e instanceof EnvironmentException || e instanceof StoreRefusedException) {
            return Optional.of(e.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String reason = reason(t);
            if (reason != null) {
                String top = e.getMessage() == null ? "" : e.getMessage();
                // Our own wrapping messages name the path and the cause already; else name them here.
                return Optional.of(top.toLowerCase(Locale.ROOT).contains(reason) ? top : where(t) + reason);
            }
        }
        return Optional.empty();
    }

    /** The plain reason of one I/O error, or null when it is not one the environment caused. */
    static String reason(Throwable t) {
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof ReadOnlyFileSystemException) {
            return "read-only file system";
        }
        if (t instanceof IOException io) {
            String m = (io instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(io.getMessage()))
                    .toLowerCase(Locale.ROOT);
            for (String reason : REASONS) {
                if (m.contains(reason)) {
                    return reason;
                }
            }
        }
        return null;
    }

    private static String where(Throwable t) {
        return t instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
    }
}
