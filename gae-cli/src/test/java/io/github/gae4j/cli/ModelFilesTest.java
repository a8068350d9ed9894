package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.runtime.model.ModelDescription;
import io.github.gae4j.runtime.model.ModelFile;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model files shipped in models/ parse and name only installed plugins and options. */
final class ModelFilesTest {

    @Test
    void everyShippedModelFileIsValid() throws IOException {
        Path dir = Path.of("..", "models");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        PluginRegistry plugins = PluginRegistry.discover(ModelFilesTest.class.getClassLoader());
        for (Path f : files) {
            ModelDescription d = ModelFile.read(f);
            ModelFile.validate(d, plugins);
        }
    }
}
