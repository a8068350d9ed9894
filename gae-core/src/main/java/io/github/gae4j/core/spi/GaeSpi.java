// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

/** The version of this SPI. A plugin returns it from {@link GaePlugin#spiVersion()} as compiled. */
public final class GaeSpi {

    /** Major.minor; plugins built against another major version are refused. */
    public static final String VERSION = "1.0";

    private GaeSpi() {}

    public static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed SPI version '" + version + "'", e);
        }
    }
}
