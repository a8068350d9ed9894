// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The READMEs' Java snippets cannot rot: every {@code ```java} block in README.md and the module READMEs is preceded
 * by {@code <!-- snippet: NAME -->}, and its text is the source region marked {@code // tag::NAME[]} …
 * {@code // end::NAME[]} in a source file the build compiles and runs (indentation normalised; a name's regions in
 * one file are joined by a blank line, so imports and code can be two regions). The README's Maven coordinates are
 * checked against {@code gae4j-bom}, and the BOM against the reactor's modules.
 *
 * <p>After changing a marked region, {@code mvn -o test -pl gae-examples -Dtest=ReadmeSnippetsTest
 * -Dgae4j.snippets.update=true} rewrites the README blocks from the sources (then review the diff).
 */
final class ReadmeSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*([a-z0-9-]+)\\s*-->\\s*$");
    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([a-z0-9-]+)\\[]\\s*$");
    private static final Pattern GAE4J_ARTIFACT =
            Pattern.compile("<groupId>io\\.github\\.gae4j</groupId>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** An example of a plugin written outside gae4j (package com.example): not part of what gae4j publishes. */
    private static final Set<String> NOT_PUBLISHED = Set.of("gae-example-sage-encoder", "gae4j-coverage");

    private static final Path ROOT = findRoot();

    /** A fenced java block of a README: where it starts (the fence's 1-based line), its marker and its lines. */
    record Block(Path readme, int fenceLine, String name, int firstLine, int endLine, List<String> lines) {
        String where() {
            return ROOT.relativize(readme) + ":" + fenceLine;
        }
    }

    /** A name's marked text and the file (and first line) it comes from. */
    record Region(Path source, int line, List<String> lines) {
        String where() {
            return ROOT.relativize(source) + ":" + line;
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null
                && !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("gae-core")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No gae4j root (README.md beside gae-core) above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md and every module's README.md (two levels down, as gae-examples/third-party-encoder), never target/. */
    static List<Path> readmes() {
        try (Stream<Path> s = Files.walk(ROOT, 3)) {
            return s.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> p.getParent().equals(ROOT)
                            || Files.isRegularFile(p.getParent().resolve("pom.xml")))
                    .filter(p ->
                            !p.toString().contains("/target/") && !p.toString().contains("/src/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> javaBlocks(Path readme) {
        List<String> lines = read(readme);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.startsWith("```")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (fence.equals("```java")) {
                int before = i - 1;
                while (before >= 0 && lines.get(before).isBlank()) {
                    before--;
                }
                Matcher m = before >= 0 ? MARKER.matcher(lines.get(before)) : null;
                String name = m != null && m.matches() ? m.group(1) : null;
                blocks.add(
                        new Block(readme, i + 1, name, i + 1, end, lines.subList(i + 1, Math.min(end, lines.size()))));
            }
            i = end;
        }
        return blocks;
    }

    /** Every marked region of the build's Java sources, by name; a name marked in two files is an error. */
    static Map<String, Region> regions() {
        Map<String, Region> byName = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<Path> sources = javaSources();
        for (Path source : sources) {
            List<String> lines = read(source);
            Map<String, List<List<String>>> parts = new LinkedHashMap<>();
            Map<String, Integer> firstLine = new LinkedHashMap<>();
            Map<String, Integer> open = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = TAG.matcher(lines.get(i));
                if (m.matches()) {
                    String name = m.group(2);
                    if (m.group(1).equals("tag")) {
                        if (open.putIfAbsent(name, i) != null) {
                            problems.add(ROOT.relativize(source) + ":" + (i + 1) + ": tag::" + name + " opened twice");
                        }
                        parts.computeIfAbsent(name, k -> new ArrayList<>()).add(new ArrayList<>());
                        firstLine.putIfAbsent(name, i + 2);
                    } else if (open.remove(name) == null) {
                        problems.add(
                                ROOT.relativize(source) + ":" + (i + 1) + ": end::" + name + " without tag::" + name);
                    }
                    continue;
                }
                for (String name : open.keySet()) {
                    List<List<String>> p = parts.get(name);
                    p.get(p.size() - 1).add(lines.get(i));
                }
            }
            open.forEach((name, line) ->
                    problems.add(ROOT.relativize(source) + ":" + (line + 1) + ": tag::" + name + " never ended"));
            for (Map.Entry<String, List<List<String>>> e : parts.entrySet()) {
                List<String> joined = new ArrayList<>();
                for (List<String> part : e.getValue()) {
                    if (!joined.isEmpty()) {
                        joined.add("");
                    }
                    joined.addAll(normalise(part));
                }
                Region region = new Region(source, firstLine.get(e.getKey()), joined);
                Region earlier = byName.put(e.getKey(), region);
                if (earlier != null) {
                    problems.add("snippet '" + e.getKey() + "' is marked in two files: " + earlier.where() + " and "
                            + region.where());
                }
            }
        }
        assertThat(problems).as("snippet markers in the sources").isEmpty();
        return byName;
    }

    /** Every .java file under some src/ directory, without descending into .git, target or hidden directories. */
    static List<Path> javaSources() {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(ROOT) && (name.equals("target") || name.startsWith("."));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.toString().endsWith(".java")
                            && ROOT.relativize(file).toString().contains("src/")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream().sorted().toList();
    }

    /** Without the common indentation, trailing spaces, and blank lines at either end. */
    static List<String> normalise(List<String> lines) {
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        List<String> out = new ArrayList<>(lines.stream()
                .map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .toList());
        while (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    @Test
    void everyReadmeJavaBlockIsAMarkedRegionOfACompiledSource() throws IOException {
        Map<String, Region> regions = regions();
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        boolean update = Boolean.getBoolean("gae4j.snippets.update");
        List<Path> readmes = readmes();
        assertThat(readmes).as("READMEs found under " + ROOT).contains(ROOT.resolve("README.md"));
        for (Path readme : readmes) {
            List<String> text = new ArrayList<>(read(readme));
            List<Block> blocks = javaBlocks(readme);
            for (int b = blocks.size() - 1; b >= 0; b--) {
                Block block = blocks.get(b);
                if (block.name() == null) {
                    problems.add(
                            block.where() + ": a ```java block without <!-- snippet: NAME --> before it; mark the "
                                    + "code in a compiled, tested source with // tag::NAME[] ... // end::NAME[] and name it here");
                    continue;
                }
                used.add(block.name());
                Region region = regions.get(block.name());
                if (region == null) {
                    problems.add(block.where() + ": snippet '" + block.name() + "' is marked in no source (expected "
                            + "// tag::" + block.name() + "[] in a Java file under some module's src/)");
                    continue;
                }
                if (!normalise(block.lines()).equals(region.lines())) {
                    if (update) {
                        String fence = text.get(block.firstLine() - 1);
                        String indent = fence.substring(
                                0, fence.length() - fence.stripLeading().length());
                        text.subList(block.firstLine(), block.endLine()).clear();
                        text.addAll(
                                block.firstLine(),
                                region.lines().stream()
                                        .map(l -> l.isEmpty() ? l : indent + l)
                                        .toList());
                    }
                    problems.add(block.where() + ": snippet '" + block.name() + "' differs from " + region.where()
                            + firstDifference(normalise(block.lines()), region.lines()) + "; the source says:\n"
                            + String.join("\n", region.lines()));
                }
            }
            if (update) {
                Files.write(readme, text, StandardCharsets.UTF_8);
            }
        }
        regions.keySet().stream()
                .filter(n -> !used.contains(n))
                .forEach(n -> problems.add(
                        regions.get(n).where() + ": snippet '" + n + "' is marked but no README shows it"));
        assertThat(problems)
                .as("README snippets" + (update ? " (READMEs rewritten from the sources)" : ""))
                .isEmpty();
    }

    private static String firstDifference(List<String> readme, List<String> source) {
        int n = Math.min(readme.size(), source.size());
        for (int i = 0; i < n; i++) {
            if (!readme.get(i).equals(source.get(i))) {
                return " at its line " + (i + 1) + ": README '" + readme.get(i) + "', source '" + source.get(i) + "'";
            }
        }
        return " in length: README " + readme.size() + " lines, source " + source.size();
    }

    @Test
    void theCheckerSeesMarkersRegionsAndDifferences(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path readme = Files.writeString(dir.resolve("README.md"), """
                text
                <!-- snippet: a -->

                ```java
                  int x = 1;
                ```
                ```java
                int y;
                ```
                ```bash
                ```java inside bash is not a block
                ```
                """);
        List<Block> blocks = javaBlocks(readme);
        assertThat(blocks).extracting(Block::name).containsExactly("a", null);
        assertThat(normalise(blocks.get(0).lines())).containsExactly("int x = 1;");
        assertThat(normalise(List.of("", "    a", "      b", "", "    c  ", "")))
                .containsExactly("a", "  b", "", "c");
    }

    @Test
    void theBomManagesEveryPublishedModuleAndEveryArtifactTheReadmesName() {
        String parent = String.join("\n", read(ROOT.resolve("pom.xml")));
        String bom = String.join("\n", read(ROOT.resolve("gae4j-bom/pom.xml")));
        Set<String> managed = artifactIds(bom);
        managed.remove("gae4j-bom");
        Set<String> published = new TreeSet<>();
        Matcher modules = MODULE.matcher(parent);
        while (modules.find()) {
            String pom = String.join("\n", read(ROOT.resolve(modules.group(1)).resolve("pom.xml")));
            String artifactId = pom.replaceAll("(?s)<parent>.*?</parent>", "")
                    .replaceAll("(?s).*?<artifactId>([^<]+)</artifactId>.*", "$1");
            if (!artifactId.equals("gae4j-bom") && !NOT_PUBLISHED.contains(artifactId)) {
                published.add(artifactId);
            }
        }
        assertThat(managed).as("gae4j-bom/pom.xml against the parent's modules").isEqualTo(published);
        assertThat(parent).contains("<module>gae4j-bom</module>");
        String version =
                parent.replaceAll("(?s).*?<artifactId>gae4j-parent</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertThat(bom).as("the BOM's own version").contains("<version>" + version + "</version>");
        for (Path readme : readmes()) {
            Set<String> named = artifactIds(String.join("\n", read(readme)));
            named.removeAll(NOT_PUBLISHED);
            named.remove("gae4j-bom");
            assertThat(managed)
                    .as("gae4j artifacts named in " + ROOT.relativize(readme))
                    .containsAll(named);
        }
        assertThat(String.join("\n", read(ROOT.resolve("README.md"))))
                .as("README.md imports the BOM")
                .containsPattern("<artifactId>gae4j-bom</artifactId>\\s*"
                        + "<version>[^<]+</version>\\s*<type>pom</type>\\s*<scope>import</scope>");
    }

    private static Set<String> artifactIds(String xml) {
        Matcher m = GAE4J_ARTIFACT.matcher(xml);
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids.stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
