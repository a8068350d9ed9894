// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TableFormatTest {

    @Test
    void byNameAsGraphReaderFormatOf() {
        assertThat(TableFormat.of("edges.csv")).isEqualTo(TableFormat.CSV);
        assertThat(TableFormat.of("/data/Edges.CSV/")).isEqualTo(TableFormat.CSV);
        assertThat(TableFormat.of("edges.csv.gz")).isEqualTo(TableFormat.CSV);
        assertThat(TableFormat.of("edges.csv.bz2")).isEqualTo(TableFormat.CSV);
        assertThat(TableFormat.of("edges.parquet")).isEqualTo(TableFormat.PARQUET);
        assertThat(TableFormat.of("edges")).isEqualTo(TableFormat.PARQUET);
        assertThat(TableFormat.of("edges.csv.tar.x")).isEqualTo(TableFormat.PARQUET);
    }
}
