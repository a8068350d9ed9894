// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.error;

/** Base of the errors a user can act on (bad configuration, bad data, a broken plugin). */
public class GaeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GaeException(String message) {
        super(message);
    }

    public GaeException(String message, Throwable cause) {
        super(message, cause);
    }
}
