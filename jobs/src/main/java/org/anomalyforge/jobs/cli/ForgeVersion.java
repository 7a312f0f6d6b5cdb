package org.anomalyforge.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code forge --version}: the project version stamped into the jar at build time, plus the runtime. */
public final class ForgeVersion implements CommandLine.IVersionProvider {

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = ForgeVersion.class.getResourceAsStream("/org/anomalyforge/jobs/forge-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("forge-version.properties is missing from the jobs jar; rebuild it");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read forge-version.properties", e);
        }
        return p.getProperty("version");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"AnomalyForge " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
