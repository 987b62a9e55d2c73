package dev.failforward.cli;

import dev.failforward.run.Versions;
import picocli.CommandLine;

/** {@code failforward --version}: FailForward's and Java's versions. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"FailForward " + Versions.failforward(), "Java " + System.getProperty("java.version")};
    }
}
