// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/ops.md, the ops catalogue for plugin authors, in step with the code: every public class of
 * {@code core.autodiff.functions} and {@code core.nn} has a row, and every test the page names exists. Reads the
 * sources (not the classes) so that no reflection is needed.
 */
final class OpsCatalogueTest {

    private static final List<String> PACKAGES = List.of("autodiff/functions", "nn");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("^public (?:final |abstract )*(?:class|interface|record|enum) (\\w+)", Pattern.MULTILINE);
    private static final Pattern NAMED_TEST = Pattern.compile("`(\\w+Test)`");

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/ops.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/ops.md above %s", Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    private static Set<String> publicTypes(Path sources) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files =
                    Files.list(sources.resolve("io/github/gae4j/core").resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = PUBLIC_TYPE.matcher(Files.readString(f));
                    if (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyPublicOpAndHelperHasARow() throws IOException {
        Path root = root();
        String page = Files.readString(root.resolve("docs/ops.md"));
        Set<String> types = publicTypes(root.resolve("gae-core/src/main/java"));
        assertThat(types).as("public classes found").contains("MatMul", "ScaleBy", "Linear", "Mlp", "AffineNorm");
        List<String> missing =
                types.stream().filter(t -> !page.contains("| `" + t + "` |")).toList();
        assertThat(missing)
                .as("public classes of core.autodiff.functions / core.nn without a row in docs/ops.md")
                .isEmpty();
    }

    @Test
    void everyTestThePageNamesExists() throws IOException {
        Path root = root();
        String page = Files.readString(root.resolve("docs/ops.md"));
        Set<String> named = new TreeSet<>();
        Matcher m = NAMED_TEST.matcher(page);
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> existing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().contains("/src/test/java/")
                            && p.toString().endsWith("Test.java"))
                    .forEach(p -> existing.add(p.getFileName().toString().replace(".java", "")));
        }
        assertThat(named).as("tests named in docs/ops.md").isNotEmpty();
        assertThat(existing).as("test classes of the repository").containsAll(named);
    }
}
