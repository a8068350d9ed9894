// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.checkpoint;

import io.github.gae4j.core.error.GaeException;

/** A saved model or checkpoint that cannot be read or does not fit: names the file and the problem. */
public final class SavedModelException extends GaeException {

    private static final long serialVersionUID = 1L;

    public SavedModelException(String message) {
        super(message);
    }

    public SavedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
