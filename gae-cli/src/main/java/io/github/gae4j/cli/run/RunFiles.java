// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of a run directory, by name, so every subcommand agrees on them. */
public final class RunFiles {

    /** The model to use: the best validation epoch's weights (or the last, with --keep-last). */
    public static final String MODEL = "model.gae4j";
    /** The resumable state after the last epoch trained. */
    public static final String CHECKPOINT = "checkpoint.gae4j";

    public static final String RUN_JSON = "run.json";
    public static final String REPORT = "report.html";

    private RunFiles() {}

    /** A run directory means its model file; a file is taken as it is. */
    public static Path modelFile(Path runOrFile) {
        return file(runOrFile, MODEL);
    }

    /** A run directory means its checkpoint file; a file is taken as it is. */
    public static Path checkpointFile(Path runOrFile) {
        return file(runOrFile, CHECKPOINT);
    }

    private static Path file(Path runOrFile, String name) {
        if (Files.isDirectory(runOrFile)) {
            Path f = runOrFile.resolve(name);
            if (!Files.exists(f)) {
                throw new ConfigException(runOrFile + ": no " + name + " in this folder; is it a run directory"
                        + " written by 'gae train'?");
            }
            return f;
        }
        if (!Files.exists(runOrFile)) {
            throw new ConfigException(runOrFile + ": no such file or run directory");
        }
        return runOrFile;
    }
}
