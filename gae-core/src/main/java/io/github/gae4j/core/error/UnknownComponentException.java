// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.error;

/** A component name that no installed plugin provides; the message lists the known names. */
public class UnknownComponentException extends ConfigException {

    private static final long serialVersionUID = 1L;

    public UnknownComponentException(String message) {
        super(message);
    }

    public UnknownComponentException(String message, Throwable cause) {
        super(message, cause);
    }
}
