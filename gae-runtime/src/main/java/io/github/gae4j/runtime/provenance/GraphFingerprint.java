// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.provenance;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A content fingerprint of a graph: {@code "sha256:"} and the hex SHA-256 of this byte stream
 * (integers as 4 big-endian bytes, doubles as their 8 IEEE bytes, big-endian):
 *
 * <ol>
 *   <li>the ASCII text {@code gae4j-graph-v1};</li>
 *   <li>1 if the graph is directed, else 0; the node count;</li>
 *   <li>the edge count m, then the m edges of {@link Graph#edges()} (each undirected edge once as
 *       (i, j) with i &lt; j; each directed edge i → j as (i, j)) sorted by i, then j, each as two
 *       integers;</li>
 *   <li>0 for a graph without features (X = I, also when the identity is set explicitly); else 1,
 *       the feature dimension, and for each node in order the count of its non-zero features
 *       followed by each as (column, value), columns ascending. Zeros are left out whether the
 *       features are stored sparse or dense, so both give the same fingerprint.</li>
 * </ol>
 *
 * Nothing else counts: not the graph's name, node ids, labels or class names. The same graph thus
 * gives the same fingerprint on every machine and run; one edge or one feature value changed gives
 * another.
 */
public final class GraphFingerprint {

    private static final String PREFIX = "sha256:";

    private GraphFingerprint() {}

    public static String of(Graph graph) {
        MessageDigest sha = sha256();
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha), 1 << 16))) {
            out.write("gae4j-graph-v1".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(graph.isDirected() ? 1 : 0);
            out.writeInt(graph.nodeCount());
            edges(graph.edges(), out);
            features(graph, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a null stream does not fail
        }
        return PREFIX + HexFormat.of().formatHex(sha.digest());
    }

    private static void edges(EdgeList edges, DataOutputStream out) throws IOException {
        long[] packed = new long[edges.size()];
        for (int k = 0; k < packed.length; k++) {
            // Node indices are non-negative ints, so (i << 32 | j) sorts by i, then j.
            packed[k] = ((long) edges.src(k) << 32) | edges.dst(k);
        }
        Arrays.sort(packed);
        out.writeInt(packed.length);
        for (long e : packed) {
            out.writeInt((int) (e >>> 32));
            out.writeInt((int) e);
        }
    }

    private static void features(Graph graph, DataOutputStream out) throws IOException {
        Features x = graph.features().orElse(null);
        if (x == null || x instanceof Features.Identity) {
            out.writeInt(0);
            return;
        }
        out.writeInt(1);
        out.writeInt(x.dim());
        if (x instanceof Features.Sparse s) {
            SparseMatrix m = s.matrix(); // CSR: columns strictly increasing within a row
            for (int i = 0; i < m.rows(); i++) {
                int n = 0;
                for (int p = m.rowStart(i); p < m.rowEnd(i); p++) {
                    n += m.valueAt(p) != 0 ? 1 : 0;
                }
                out.writeInt(n);
                for (int p = m.rowStart(i); p < m.rowEnd(i); p++) {
                    if (m.valueAt(p) != 0) {
                        out.writeInt(m.colAt(p));
                        out.writeDouble(m.valueAt(p));
                    }
                }
            }
        } else {
            Matrix m = x.toDense();
            double[] data = m.data();
            for (int i = 0; i < m.rows(); i++) {
                int n = 0;
                for (int c = 0; c < m.cols(); c++) {
                    n += data[i * m.cols() + c] != 0 ? 1 : 0;
                }
                out.writeInt(n);
                for (int c = 0; c < m.cols(); c++) {
                    double v = data[i * m.cols() + c];
                    if (v != 0) {
                        out.writeInt(c);
                        out.writeDouble(v);
                    }
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
