package dev.failforward.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** FailForward's own version, from the build. */
public final class Versions {

    private Versions() {
    }

    public static String failforward() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/dev/failforward/scan/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
