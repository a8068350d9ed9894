// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Predicted links as CSV, {@code source,target,score,rank}: original node ids (quoted where they hold a comma or a
 * quote, as in {@code embeddings.csv}), the decoder's probability in full precision ({@link Double#toString}) and a
 * rank from 1, or an empty rank where the rows follow an input's order. Rows are written as they come, so a caller
 * streams any number of them.
 */
public final class LinkCsv {

    public static final String HEADER = "source,target,score,rank";

    private final Writer out;
    private long rows;

    /** Writes the header to {@code out}. */
    public LinkCsv(Writer out) throws IOException {
        this.out = Objects.requireNonNull(out, "out is null");
        out.write(HEADER);
        out.write('\n');
    }

    /** One link; {@code rank} 0 leaves the rank empty. */
    public void write(String source, String target, double score, long rank) throws IOException {
        out.write(EmbeddingFiles.csvField(source));
        out.write(',');
        out.write(EmbeddingFiles.csvField(target));
        out.write(',');
        out.write(Double.toString(score));
        out.write(',');
        if (rank > 0) {
            out.write(Long.toString(rank));
        }
        out.write('\n');
        rows++;
    }

    /** Rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    public void flush() throws IOException {
        out.flush();
    }
}
