// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.error;

/** Training produced NaN or infinity; the message says where and what to try. */
public class NumericalException extends GaeException {

    private static final long serialVersionUID = 1L;

    public NumericalException(String message) {
        super(message);
    }

    public NumericalException(String message, Throwable cause) {
        super(message, cause);
    }
}
