// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.serve;

/** A request the server refuses: the HTTP status and the message the client gets as {@code {"error": ...}}. */
final class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int PAYLOAD_TOO_LARGE = 413;
    static final int UNAVAILABLE = 503;

    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(BAD_REQUEST, message);
    }

    int status() {
        return status;
    }
}
