// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.graph.LinkSplit;
import java.util.Locale;

/** The sizes of a link split in one line, as train and eval print them. */
public final class SplitSizes {

    private SplitSizes() {}

    /** {@code split: 4393 training edges; validation 258 edges + 258 non-edges; test 516 edges + 516 non-edges}. */
    public static String describe(LinkSplit split) {
        return String.format(
                Locale.ROOT,
                "split: %d training edges; validation %d edges + %d non-edges; test %d" + " edges + %d non-edges",
                split.trainPositives().size(),
                split.valPositives().size(),
                split.valNegatives().size(),
                split.testPositives().size(),
                split.testNegatives().size());
    }
}
