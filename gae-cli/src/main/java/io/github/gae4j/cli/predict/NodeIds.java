// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.predict;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.runtime.predict.UnknownNodeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The nodes {@code gae predict --per-node} recommends for: from {@code --nodes ID,ID,...} (an argument: an unknown id
 * is a usage error) or {@code --nodes-file FILE} (data: one id a line, blank lines and {@code #} lines skipped, ids
 * trimmed; an unknown id is a data error naming the file). Repeated ids count once, in the order first met.
 */
public final class NodeIds {

    private NodeIds() {}

    /** The ids of {@code --nodes}, each known to the model; fails with a {@link ConfigException} (exit 2). */
    public static List<String> fromArgument(String option, List<String> ids, Predicate<String> known) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i).strip();
            if (id.isEmpty()) {
                throw new ConfigException(option + ": id " + (i + 1) + " of the list is empty");
            }
            out.add(id);
        }
        List<String> unknown = out.stream().filter(known.negate()).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException(new UnknownNodeException(option, unknown).getMessage());
        }
        return List.copyOf(out);
    }

    /**
     * The ids of {@code --nodes-file}, each known to the model; an unknown one fails with an {@link
     * UnknownNodeException} naming the file and the line of the first (exit 1).
     */
    public static List<String> fromFile(Path file, Predicate<String> known) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        long firstUnknownLine = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String id = line.strip();
                if (id.isEmpty() || id.startsWith("#") || !out.add(id)) {
                    continue;
                }
                if (!known.test(id)) {
                    if (unknown.isEmpty()) {
                        firstUnknownLine = number;
                    }
                    unknown.add(id);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownNodeException(file + ", line " + firstUnknownLine, unknown);
        }
        if (out.isEmpty()) {
            throw new GaeException(file + ": no node ids (expected one id a line)");
        }
        return List.copyOf(out);
    }
}
