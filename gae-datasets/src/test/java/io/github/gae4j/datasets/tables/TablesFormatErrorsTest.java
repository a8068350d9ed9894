// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import static io.github.gae4j.datasets.tables.TableFixtures.csv;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.DatasetFormatException;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input fails naming the file, the line (CSV) or row (Parquet), the column and the count. */
final class TablesFormatErrorsTest {

    @TempDir
    Path tmp;

    private Path goodNodes() {
        return csv(tmp.resolve("nodes.csv"), "id,f0,f1\n1,1,1\n2,2,2\n3,3,3\n");
    }

    private Path goodEdges() {
        return csv(tmp.resolve("edges.csv"), "src,dst\n1,2\n2,3\n");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> loading(Path edges, Path nodes) {
        return assertThatThrownBy(() -> new TablesLoader(edges, nodes, null).load())
                .isInstanceOf(DatasetFormatException.class);
    }

    @Test
    void missingColumnsAreNamedWithThePresentOnes() {
        Path edges = csv(tmp.resolve("e.csv"), "source,dst\n1,2\n");
        loading(edges, goodNodes())
                .hasMessageContaining("e.csv")
                .hasMessageContaining("column src missing")
                .hasMessageContaining("present columns: [source, dst]");
        Path nodes = csv(tmp.resolve("n.csv"), "node,f0\n1,1\n");
        loading(goodEdges(), nodes).hasMessageContaining("column id missing").hasMessageContaining("[node, f0]");
        Path noFeatures = csv(tmp.resolve("nf.csv"), "id,x\n1,1\n");
        loading(goodEdges(), noFeatures).hasMessageContaining("has no feature columns");
        Path sparse = csv(tmp.resolve("sp.csv"), "id,indices,size\n1,0,1\n");
        loading(goodEdges(), sparse).hasMessageContaining("column values missing");
        Path gap = csv(tmp.resolve("gap.csv"), "id,f0,f2\n1,1,1\n");
        loading(goodEdges(), gap).hasMessageContaining("column 'f1' missing");
    }

    @Test
    void nullAndNonIntegerIdsNameLineAndColumnWithCounts() {
        Path edges = csv(tmp.resolve("e.csv"), "src,dst\n1,2\n,3\n2,\n");
        loading(edges, goodNodes()).hasMessageContaining("e.csv:3: column 'src': 1 of 3 rows have a null id");
        Path bad = csv(tmp.resolve("b.csv"), "src,dst\n1,2\n2,x\n3,2.5\n");
        loading(bad, goodNodes())
                .hasMessageContaining("b.csv:3: column 'dst': 2 of 3 rows are not integer ids")
                .hasMessageContaining("here 'x' (the first such row)");
        Path nodes = csv(tmp.resolve("n.csv"), "id,f0\n1,1\n1.0,2\n");
        loading(goodEdges(), nodes).hasMessageContaining("n.csv:3: column 'id': 1 of 2 rows are not integer ids");
    }

    @Test
    void parquetProblemsNameTheRow() {
        Path edges = TableFixtures.parquet(tmp.resolve("e.parquet"), TableFixtures.EDGES, rows -> {
            rows.add(g -> g.append("src", 1L).append("dst", 2L).append("weight", 1.0));
            rows.add(g -> g.append("src", 2L).append("weight", 1.0));
        });
        loading(edges, goodNodes()).hasMessageContaining("e.parquet: row 2, column 'dst': 1 of 2 rows have a null id");
        Path weights = TableFixtures.edges(tmp.resolve("w.parquet"), new double[][] {{1, 2, Double.NaN}});
        loading(weights, goodNodes())
                .hasMessageContaining("w.parquet: row 1, column 'weight'")
                .hasMessageContaining("weight that is not a finite number; here 'NaN'");
        Path zero = TableFixtures.edges(tmp.resolve("z.parquet"), new double[][] {{1, 2, 1.5}, {2, 3, 0}});
        loading(zero, goodNodes())
                .hasMessageContaining("z.parquet: row 2, column 'weight'")
                .hasMessageContaining("1 of 2 rows have a weight <= 0");
        Path typed = TableFixtures.parquet(
                tmp.resolve("t.parquet"),
                "message spark_schema { optional boolean src; optional int64 dst; }",
                rows -> rows.add(g -> g.append("src", true).append("dst", 2L)));
        loading(typed, goodNodes()).hasMessageContaining("column 'src' has type boolean; ids must be integers");
    }

    @Test
    void duplicateFeatureIdsAreCountedWithExamplesAndLines() {
        Path nodes = csv(tmp.resolve("n.csv"), "id,f0\n1,1\n2,2\n1,3\n3,3\n2,4\n1,5\n");
        loading(goodEdges(), nodes)
                .hasMessageContaining("n.csv:4: column 'id': 2 ids appear more than once (5 of 6 rows; e.g. 1, 2)")
                .hasMessageContaining("id 1 is on line 2 of n.csv and line 4 of n.csv");
    }

    @Test
    void edgeIdsWithoutAFeatureRowAreCountedWithExamples() {
        Path edges = csv(tmp.resolve("e.csv"), "src,dst\n1,2\n9,2\n2,8\n9,1\n");
        loading(edges, goodNodes())
                .hasMessageContaining("e.csv:4: columns 'src, dst': 2 node ids have no row in the features table")
                .hasMessageContaining("(e.g. 8, 9)")
                .hasMessageContaining("id 8 is in this row");
    }

    @Test
    void featureRowsOfDifferentWidthsFail() {
        Path nodes = csv(tmp.resolve("n.csv"), "id,features\n1,1 2\n2,1 2 3\n3,4 5\n");
        loading(goodEdges(), nodes)
                .hasMessageContaining(
                        "n.csv:3: column 'features': feature rows differ in width (width=rows: {2=2," + " 3=1})")
                .hasMessageContaining("this row has 3 values, line 2 of");
        Path list =
                TableFixtures.nodes(tmp.resolve("n.parquet"), new long[] {1, 2, 3}, new double[][] {{1}, {1}, {1, 2}});
        loading(goodEdges(), list).hasMessageContaining("row 3 has 2 values, row 1 of");
    }

    @Test
    void nonFiniteOrMissingFeatureValuesAreRejectedWithRowAndColumn() {
        Path text = csv(tmp.resolve("t.csv"), "id,f0,f1\n1,1,1\n2,2,Infinity\n3,3,NaN\n");
        loading(goodEdges(), text)
                .hasMessageContaining("t.csv:3: column 'f1': 2 of 3 rows have a missing or non-numeric feature value")
                .hasMessageContaining("here 'Infinity'");
        Path array = TableFixtures.nodes(tmp.resolve("a.parquet"), new long[] {1, 2, 3}, new double[][] {
            {1, 1}, {1, Double.NaN}, {3, 3}
        });
        loading(goodEdges(), array)
                .hasMessageContaining("a.parquet: row 2, column 'features': 1 of 3 rows have a missing or")
                .hasMessageContaining("value 1 is 'NaN'");
        Path nullElement = TableFixtures.parquet(tmp.resolve("ne.parquet"), TableFixtures.NODES, rows -> {
            rows.add(g -> g.append("id", 1L).addGroup("features").addGroup("list"));
            rows.add(g -> g.append("id", 2L));
        });
        loading(goodEdges(), nullElement)
                .hasMessageContaining("row 2, column 'features': 1 of 2 rows have no features");
        Path textVector = csv(tmp.resolve("tv.csv"), "id,features\n1,1 x\n");
        loading(goodEdges(), textVector).hasMessageContaining("value 1 is 'x'");
    }

    @Test
    void badSparseRowsFail() {
        loading(goodEdges(), csv(tmp.resolve("a.csv"), "id,indices,values,size\n1,0 1,1,3\n"))
                .hasMessageContaining("indices and values of different lengths");
        loading(goodEdges(), csv(tmp.resolve("b.csv"), "id,indices,values,size\n1,3,1,3\n"))
                .hasMessageContaining("an index outside [0, size)");
        loading(goodEdges(), csv(tmp.resolve("c.csv"), "id,indices,values,size\n1,1 1,1 2,3\n"))
                .hasMessageContaining("repeat an index");
        loading(goodEdges(), csv(tmp.resolve("d.csv"), "id,indices,values,size\n1,,,3\n"))
                .hasMessageContaining("a null or unreadable indices, values or size");
    }

    @Test
    void filesAndFoldersThatCannotBeTablesFail() {
        loading(tmp.resolve("none.parquet"), goodNodes()).hasMessageContaining("no such file or folder");
        Path empty = tmp.resolve("empty.parquet");
        csv(empty.resolve("_SUCCESS"), "");
        loading(empty, goodNodes()).hasMessageContaining("holds no part files");
        Path notParquet = csv(tmp.resolve("x.parquet"), "src,dst\n1,2\n");
        loading(notParquet, goodNodes()).hasMessageContaining("cannot be read as Parquet");
        Path partitioned = tmp.resolve("p.csv");
        csv(partitioned.resolve("k=1").resolve("part-0.csv"), "src,dst\n1,2\n");
        loading(partitioned, goodNodes()).hasMessageContaining("partitioned table");
        loading(goodEdges(), csv(tmp.resolve("h.csv"), "")).hasMessageContaining("needs a header line");
        loading(goodEdges(), csv(tmp.resolve("nr.csv"), "id,f0\n")).hasMessageContaining("has no rows");
        loading(csv(tmp.resolve("fc.csv"), "src,dst\n1,2,3\n"), goodNodes())
                .hasMessageContaining("fc.csv:2: 3 fields, but the header has 2 columns");
        loading(csv(tmp.resolve("z.csv.bz2"), "x"), goodNodes()).hasMessageContaining("compressed as .bz2");
    }
}
