// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.error;

/** A plugin that cannot be loaded: broken service entry, wrong SPI version, or a duplicate name. */
public class PluginLoadException extends GaeException {

    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message) {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
