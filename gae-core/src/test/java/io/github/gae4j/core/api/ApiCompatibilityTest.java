// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.spi.Encoder;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * gae-core is the API plugins compile against, so an accidental change to it must fail the build (after Trino's
 * {@code TestSpiBackwardCompatibility}). The public and protected signatures of every public type in gae-core are
 * compared with the committed snapshot {@code src/test/resources/api/gae-core-api.txt}:
 *
 * <ul>
 *   <li>a signature that is gone or changed breaks plugins compiled against an earlier version: it needs a major
 *       version (CHANGELOG.md, "Versioning");</li>
 *   <li>a new abstract method on an interface breaks every implementation: a minor version adds default methods
 *       only;</li>
 *   <li>any other addition is allowed in a minor version, but is recorded: rerun with
 *       {@code -Dgae4j.api.update=true}, review the snapshot's diff and list the addition in CHANGELOG.md.</li>
 * </ul>
 */
final class ApiCompatibilityTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/api/gae-core-api.txt");
    private static final String PACKAGE_ROOT = "io/github/gae4j/core/";

    @Test
    void publicApiMatchesTheCommittedSnapshot() throws IOException, URISyntaxException {
        Set<String> current = currentSignatures();
        if (Boolean.getBoolean("gae4j.api.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.write(SNAPSHOT, current, StandardCharsets.UTF_8);
            return;
        }
        Set<String> snapshot = new TreeSet<>(Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8));
        snapshot.removeIf(String::isBlank);
        Set<String> removed = new TreeSet<>(snapshot);
        removed.removeAll(current);
        Set<String> added = new TreeSet<>(current);
        added.removeAll(snapshot);
        // Abstract methods of a new interface break nobody; on an interface that existed they break every plugin.
        Set<String> knownTypes =
                snapshot.stream().map(s -> s.substring(0, s.indexOf(' '))).collect(Collectors.toSet());
        List<String> newAbstract = added.stream()
                .filter(s -> s.contains(" interface-abstract ") && knownTypes.contains(s.substring(0, s.indexOf(' '))))
                .collect(Collectors.toList());

        assertThat(removed)
                .as("signatures removed or changed since the snapshot: plugins compiled against the earlier API break,"
                        + " which needs a major version (CHANGELOG.md, Versioning). If intended, rerun with"
                        + " -Dgae4j.api.update=true and record the break in CHANGELOG.md")
                .isEmpty();
        assertThat(newAbstract)
                .as("new abstract methods on interfaces break every existing implementation: give them a default"
                        + " body (a minor version adds default methods only)")
                .isEmpty();
        assertThat(added)
                .as(
                        "new API since the snapshot: rerun with -Dgae4j.api.update=true, review the diff of %s and list"
                                + " the additions in CHANGELOG.md",
                        SNAPSHOT)
                .isEmpty();
    }

    /** The API docs ({@code ./mvnw javadoc:aggregate}) must say what every SPI type is for. */
    @Test
    void everySpiTypeHasAClassComment() throws IOException {
        Path spi = Path.of("src/main/java/io/github/gae4j/core/spi");
        List<String> undocumented = new ArrayList<>();
        try (Stream<Path> files = Files.list(spi)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int type = text.indexOf("\npublic ");
                int comment = text.lastIndexOf("/**", Math.max(type, 0));
                if (!file.endsWith("package-info.java")
                        && (type < 0 || comment < 0 || text.indexOf("*/", comment) > type)) {
                    undocumented.add(file.getFileName().toString());
                }
            }
        }
        assertThat(undocumented).as("SPI types without a class comment").isEmpty();
    }

    @Test
    void snapshotCoversTheSpi() throws IOException, URISyntaxException {
        assertThat(currentSignatures()).anyMatch(s -> s.startsWith("io.github.gae4j.core.spi.Encoder "));
    }

    private static Set<String> currentSignatures() throws IOException, URISyntaxException {
        Path classes = Path.of(Encoder.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes.resolve(PACKAGE_ROOT))) {
            names = files.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".class")
                            && !n.endsWith("package-info.class")
                            && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        }
        Set<String> out = new TreeSet<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, Encoder.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
            if (!isVisible(type)) {
                continue;
            }
            describe(type, out);
        }
        return out;
    }

    /** Public, and every enclosing class public too: only those can be named by a plugin. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static void describe(Class<?> type, Set<String> out) {
        String owner = type.getName();
        List<String> supertypes = new ArrayList<>();
        if (type.getGenericSuperclass() != null
                && type.getSuperclass() != Object.class
                && !type.isEnum()
                && !type.isRecord()) {
            supertypes.add(type.getGenericSuperclass().getTypeName());
        }
        for (var i : type.getGenericInterfaces()) {
            supertypes.add(i.getTypeName());
        }
        out.add(owner + " type " + kind(type) + (supertypes.isEmpty() ? "" : " : " + String.join(", ", supertypes)));
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (exposed(c.getModifiers()) && !c.isSynthetic()) {
                out.add(owner + " constructor " + c.toGenericString());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (exposed(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                String tag =
                        type.isInterface() && Modifier.isAbstract(m.getModifiers()) ? "interface-abstract" : "method";
                out.add(owner + " " + tag + " " + m.toGenericString());
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (exposed(f.getModifiers()) && !f.isSynthetic()) {
                out.add(owner + " field " + f.toGenericString());
            }
        }
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String kind(Class<?> type) {
        String base = type.isAnnotation()
                ? "annotation"
                : type.isInterface() ? "interface" : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        if (type.isSealed()) {
            base = "sealed " + base;
        } else if (!type.isInterface() && Modifier.isFinal(type.getModifiers())) {
            base = "final " + base;
        }
        return base;
    }
}
