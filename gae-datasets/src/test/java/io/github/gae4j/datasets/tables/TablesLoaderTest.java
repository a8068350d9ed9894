// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import static io.github.gae4j.datasets.tables.TableFixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TablesLoaderTest {

    @TempDir
    Path tmp;

    /** The undirected edges as "id-id" pairs of the user's ids, smaller first, sorted. */
    static List<String> edgeIds(Graph g) {
        EdgeList e = g.upperTriangleEdges();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < e.size(); k++) {
            long a = Long.parseLong(g.nodeIds().get(e.src(k)));
            long b = Long.parseLong(g.nodeIds().get(e.dst(k)));
            out.add(Math.min(a, b) + "-" + Math.max(a, b));
        }
        out.sort(null);
        return out;
    }

    static double[] row(Graph g, int node) {
        double[] all = g.features().orElseThrow().toDense().toRowMajor();
        int d = g.features().orElseThrow().dim();
        double[] r = new double[d];
        System.arraycopy(all, node * d, r, 0, d);
        return r;
    }

    @Test
    void csvTablesGiveNodesInAscendingIdOrderWithTheirIdsAndCanonicalEdges() {
        Path edges = csv(tmp.resolve("edges.csv"), "src,dst,weight\n30,10,1.0\n10,30,2.5\n20,20,1\n\n10,20,1\n");
        Path nodes = csv(tmp.resolve("nodes.csv"), "id,features\n30,\"3 3.5\"\n10,1;1.5\n20,2 2.5\n40,4 4.5\n");

        Graph g = new TablesLoader(edges, nodes, null).load();

        assertThat(g.nodeCount()).isEqualTo(4);
        assertThat(g.nodeIds()).containsExactly("10", "20", "30", "40");
        assertThat(g.isDirected()).isFalse();
        assertThat(edgeIds(g)).containsExactly("10-20", "10-30");
        assertThat(g.features().orElseThrow().dim()).isEqualTo(2);
        assertThat(row(g, 0)).containsExactly(1, 1.5);
        assertThat(row(g, 2)).containsExactly(3, 3.5);
        assertThat(row(g, 3)).containsExactly(4, 4.5); // a node without edges is still a node
        assertThat(g.name()).isEqualTo("edges");
    }

    @Test
    void snappyParquetAsSparkWritesItIsRead() {
        Path edges = TableFixtures.edges(
                tmp.resolve("edges.parquet"), new double[][] {{7, 3, 1}, {3, 7, 1}, {3, 11, 0.5}, {11, 11, 1}});
        Path nodes = TableFixtures.nodes(
                tmp.resolve("nodes.parquet"),
                new long[] {11, 3, 7, 5_000_000_000L},
                new double[][] {{1.1, -1}, {0.3, 0}, {0.7, 7}, {5, 5}});

        Graph g = new TablesLoader(edges, nodes, null).load();

        assertThat(g.nodeIds()).containsExactly("3", "7", "11", "5000000000");
        assertThat(edgeIds(g)).containsExactly("3-11", "3-7");
        assertThat(row(g, 0)).containsExactly(0.3, 0);
        assertThat(row(g, 2)).containsExactly(1.1, -1);
        assertThat(row(g, 3)).containsExactly(5, 5);
    }

    @Test
    void parquetIsReadAndWrittenHereWithoutHadoopOnTheClassPath() {
        // hadoop-client-api is on the test compile class path only (surefire leaves it out): reading works without.
        assertThat(getClass().getClassLoader().getResource("org/apache/hadoop/conf/Configuration.class"))
                .isNull();
        Path edges = TableFixtures.edges(tmp.resolve("e.parquet"), new double[][] {{1, 2, 1}});
        Path nodes = TableFixtures.nodes(tmp.resolve("n.parquet"), new long[] {1, 2}, new double[][] {{1}, {2}});

        assertThat(new TablesLoader(edges, nodes, null).load().edgeCount()).isEqualTo(1);
    }

    @Test
    void aFolderOfPartFilesIsReadSkippingSuccessCrcAndHiddenFiles() {
        Path edges = tmp.resolve("edges.parquet");
        TableFixtures.edges(edges.resolve("part-00000-a.snappy.parquet"), new double[][] {{1, 2, 1}});
        TableFixtures.edges(edges.resolve("part-00001-a.snappy.parquet"), new double[][] {{2, 3, 1}, {3, 1, 1}});
        csv(edges.resolve("_SUCCESS"), "");
        csv(edges.resolve(".part-00000-a.snappy.parquet.crc"), "not parquet");
        Path nodes = tmp.resolve("nodes.csv");
        csv(nodes.resolve("part-00000-b.csv"), "id,f0,f1\n3,3,30\n1,1,10\n");
        csv(nodes.resolve("part-00001-b.csv"), "id,f0,f1\n2,2,20\n");
        csv(nodes.resolve("_SUCCESS"), "");

        Graph g = new TablesLoader(edges, nodes, null).load();

        assertThat(g.nodeIds()).containsExactly("1", "2", "3");
        assertThat(edgeIds(g)).containsExactly("1-2", "1-3", "2-3");
        assertThat(row(g, 1)).containsExactly(2, 20);
    }

    @Test
    void sparseColumnsAreDensified() {
        Path edges = csv(tmp.resolve("e.csv"), "src,dst\n1,2\n");
        Path nodes = csv(tmp.resolve("n.csv"), "id,indices,values,size\n2,0 3,1.5 2,4\n1,1,-1,4\n");

        Graph g = new TablesLoader(edges, nodes, null).load();

        assertThat(row(g, 0)).containsExactly(0, -1, 0, 0);
        assertThat(row(g, 1)).containsExactly(1.5, 0, 0, 2);
    }

    @Test
    void sparseParquetArraysAreDensified() {
        Path edges = TableFixtures.edges(tmp.resolve("e.parquet"), new double[][] {{1, 2, 1}});
        Path nodes = TableFixtures.parquet(
                tmp.resolve("n.parquet"),
                "message spark_schema { optional int64 id; optional group indices (LIST) { repeated group list {"
                        + " optional int32 element; } } optional group values (LIST) { repeated group list {"
                        + " optional double element; } } optional int32 size; }",
                rows -> {
                    rows.add(g -> {
                        g.append("id", 1L).append("size", 3);
                        g.addGroup("indices").addGroup("list").append("element", 2);
                        g.addGroup("values").addGroup("list").append("element", 9.0);
                    });
                    rows.add(g -> {
                        g.append("id", 2L).append("size", 3);
                        g.addGroup("indices");
                        g.addGroup("values");
                    });
                });

        Graph g = new TablesLoader(edges, nodes, TableFormat.PARQUET).load();

        assertThat(row(g, 0)).containsExactly(0, 0, 9);
        assertThat(row(g, 1)).containsExactly(0, 0, 0);
    }

    @Test
    void integerAndTextTypesConvertAsSparkCastsThem() {
        Path edges = TableFixtures.parquet(
                tmp.resolve("e.parquet"),
                "message spark_schema { required int32 src; required binary dst (STRING); }",
                rows -> rows.add(g -> g.append("src", 1).append("dst", " 2 ")));
        Path nodes = TableFixtures.parquet(
                tmp.resolve("n.parquet"),
                "message spark_schema { required double id; required binary features (STRING); }",
                rows -> {
                    rows.add(g -> g.append("id", 1.0).append("features", "0.5;1e1"));
                    rows.add(g -> g.append("id", 2.0).append("features", "-1 +2"));
                });

        Graph g = new TablesLoader(edges, nodes, null).load();

        assertThat(g.nodeIds()).containsExactly("1", "2");
        assertThat(row(g, 0)).containsExactly(0.5, 10);
        assertThat(row(g, 1)).containsExactly(-1, 2);
        assertThat(g.edgeCount()).isEqualTo(1);
    }

    @Test
    void formatOptionOverridesTheNames() {
        Path edges = csv(tmp.resolve("edges.txt"), "src,dst\n1,2\n");
        Path nodes = csv(tmp.resolve("nodes.txt"), "id,f0\n1,1\n2,2\n");

        Graph g = new TablesLoader(edges, nodes, TableFormat.CSV).load();

        assertThat(g.edgeCount()).isEqualTo(1);
    }

    @Test
    void gzippedCsvIsRead() throws Exception {
        Path nodes = tmp.resolve("nodes.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(nodes))) {
            out.write("id,f0\n1,1\n2,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path edges = csv(tmp.resolve("edges.csv"), "src,dst\n1,2\n");

        assertThat(new TablesLoader(edges, nodes, null).load().nodeCount()).isEqualTo(2);
    }
}
