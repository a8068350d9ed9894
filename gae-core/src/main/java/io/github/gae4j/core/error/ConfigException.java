// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.error;

/** An invalid option or model description: the message names the option and the allowed values. */
public class ConfigException extends GaeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
