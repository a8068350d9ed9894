// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import io.github.gae4j.core.error.GaeException;
import java.util.List;
import java.util.stream.Collectors;

/** Node ids the model's graph does not have: names the first few and says how many there are. */
public final class UnknownNodeException extends GaeException {

    private static final long serialVersionUID = 1L;

    /** How many unknown ids a message names. */
    static final int NAMED = 5;

    private final transient List<String> ids;

    public UnknownNodeException(String context, List<String> ids) {
        super(message(context, ids));
        this.ids = List.copyOf(ids);
    }

    /** The unknown ids, in the order met. */
    public List<String> ids() {
        return ids;
    }

    private static String message(String context, List<String> ids) {
        String named = ids.stream().limit(NAMED).map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        String prefix = context == null || context.isEmpty() ? "" : context + ": ";
        if (ids.size() == 1) {
            return prefix + "unknown node id " + named + ": the model's graph has no such node";
        }
        return prefix + ids.size() + " unknown node ids (" + named + (ids.size() > NAMED ? ", …" : "")
                + "): the model's graph has no such nodes";
    }
}
