package dev.failforward.model.xgboost;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * XGBoost's native library, extracted once per user and library version into
 * {@code $XDG_CACHE_HOME/failforward/native/} (default {@code ~/.cache}) and loaded from there.
 * XGBoost's own loader copies the 18 MB library to a new {@code /tmp/libxgboost4j*.so} in every
 * process, which a killed process leaves behind. Where the cache cannot be used (another platform,
 * an unwritable home, a changed XGBoost loader) XGBoost's loader does as before.
 */
public final class XGBoostNative {

    private static boolean tried;

    private XGBoostNative() {
    }

    /** Loads the library from the cache unless that was tried already; call before the first use of XGBoost. */
    public static synchronized void load() {
        if (tried) {
            return;
        }
        tried = true;
        try {
            String resource = resource();
            URL url = resource == null ? null : XGBoostNative.class.getResource(resource);
            if (url == null) {
                return;
            }
            Path library = cached(url, resource);
            if (library == null) {
                return;
            }
            Class<?> loader = Class.forName("ml.dmlc.xgboost4j.java.NativeLibLoader");
            Field initialized = loader.getDeclaredField("initialized");
            initialized.setAccessible(true);
            synchronized (loader) {
                if (!initialized.getBoolean(null)) {
                    System.load(library.toString());
                    initialized.setBoolean(null, true);
                }
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException | UnsatisfiedLinkError e) {
            // XGBoost's own loader extracts the library to a temporary file as before.
        }
    }

    /** The library's path inside the XGBoost jar for this platform, as XGBoost names it; null when unknown. */
    static String resource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = os.contains("linux") ? "linux" : os.contains("mac") ? "macos" : null;
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "aarch64" : null;
        return platform == null || cpu == null ? null : "/lib/" + platform + "/" + cpu + "/" + System.mapLibraryName("xgboost4j");
    }

    /** The cached copy, named by the jar entry's size and CRC (so another XGBoost version gets its own), extracted if missing. */
    private static Path cached(URL url, String resource) throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar) || jar.getJarEntry() == null) {
            return null;
        }
        long size = jar.getJarEntry().getSize();
        String version = Long.toHexString(jar.getJarEntry().getCrc()) + "-" + size;
        Path dir = cacheHome().resolve("failforward/native/xgboost4j-" + version);
        Path library = dir.resolve(Path.of(resource).getFileName().toString());
        if (Files.isRegularFile(library) && Files.size(library) == size) {
            return library;
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".xgboost4j", ".tmp");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, library, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return Files.size(library) == size ? library : null;
    }

    private static Path cacheHome() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    }
}
