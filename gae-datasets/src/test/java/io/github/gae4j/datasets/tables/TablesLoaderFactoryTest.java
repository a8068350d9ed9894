// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class TablesLoaderFactoryTest {

    private static final CreationContext CONTEXT = new CreationContext(0, 0, 1L);

    private final TablesLoaderFactory factory = new TablesLoaderFactory();

    @Test
    void nameAndOptions() {
        assertThat(factory.name()).isEqualTo("tables");
        assertThat(ComponentFactory.optionNames(factory)).containsExactlyInAnyOrder("edges", "features", "format");
        assertThat(factory.description()).contains("Parquet or CSV");
    }

    @Test
    void optionsReachTheLoader() {
        TablesLoader byName =
                (TablesLoader) factory.create(ComponentConfig.of("edges", "e.csv", "features", "n"), CONTEXT);
        assertThat(byName.edges()).isEqualTo(Path.of("e.csv"));
        assertThat(byName.features()).isEqualTo(Path.of("n"));
        assertThat(byName.format()).isNull();

        TablesLoader csv = (TablesLoader)
                factory.create(ComponentConfig.of("edges", "e", "features", "n", "format", "CSV"), CONTEXT);
        assertThat(csv.format()).isEqualTo(TableFormat.CSV);
        TablesLoader parquet = (TablesLoader)
                factory.create(ComponentConfig.of("edges", "e", "features", "n", "format", "parquet"), CONTEXT);
        assertThat(parquet.format()).isEqualTo(TableFormat.PARQUET);
    }

    @Test
    void badOptions() {
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("features", "n"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'edges' of dataset loader 'tables' is required");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("edges", "e"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'features'");
        assertThatThrownBy(() ->
                        factory.create(ComponentConfig.of("edges", "e", "features", "n", "format", "orc"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be csv or parquet")
                .hasMessageContaining("'orc'");
        assertThatThrownBy(
                        () -> factory.create(ComponentConfig.of("edges", "e", "features", "n", "path", "p"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'path'");
    }
}
