// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The gae4j version Maven filtered into {@code gae4j.properties} when gae-runtime was built. */
final class BuildInfo {

    /** Read once: the resource is part of the jar and does not change while it runs. */
    static final String VERSION = read();

    private BuildInfo() {}

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("gae4j.properties")) {
            if (in == null) {
                throw new IllegalStateException("gae4j.properties is missing from gae-runtime: a broken build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version", "");
        if (version.isBlank() || version.startsWith("${")) {
            throw new IllegalStateException("gae4j.properties was not filtered by Maven: version is '" + version + "'");
        }
        return version;
    }
}
