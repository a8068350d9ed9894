// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.linkprediction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Settings of the link-prediction example. Defaults: the built-in synthetic graph, GAE and VGAE,
 * 5 seeds, the reference recipe (hidden 32, latent 16, lr 0.01, 200 epochs, full-graph loss).
 *
 * @param dataDir    a datasets root holding {@code linqs/cora}, or a folder with {@code cora.content(.gz)};
 *                   empty for the built-in synthetic graph
 * @param models     {@code gae} and/or {@code vgae}
 * @param seeds      number of seeds; seed s drives the split, the initialisation and the noise
 * @param firstSeed  seeds run from here upwards
 * @param lossMode   {@code full} (weighted BCE over all pairs) or {@code negative-sampling}
 * @param features   false for the featureless variant (X = I)
 * @param threads    kernel threads
 * @param json       where to write the results as JSON, if anywhere
 * @param modelFile  a model description (JSON, see {@code ModelDescriptionFile}) to run instead of GAE/VGAE;
 *                   its training settings replace epochs and learning rate, its seed is the first seed
 * @param modelJson  the same description given inline on the command line
 */
public record Options(
        Optional<Path> dataDir,
        List<String> models,
        int seeds,
        long firstSeed,
        int epochs,
        double learningRate,
        int hidden,
        int latent,
        String lossMode,
        boolean features,
        int threads,
        Optional<Path> json,
        Optional<Path> modelFile,
        Optional<String> modelJson) {

    static final String USAGE = """
            Usage: gae4j [options]
              Trains GAE and/or VGAE for link prediction and prints test AUC/AP.
              With no options it runs on a built-in synthetic graph (stochastic block model): no download needed.

              --data-dir DIR     run on Cora from DIR (a datasets root with linqs/cora, or a folder with cora.content[.gz] and cora.cites)
              --model M          gae, vgae or gae,vgae (default gae,vgae)
              --seeds N          number of seeds (default 5)
              --seed S           first seed (default 0)
              --epochs E         training epochs (default 200)
              --lr X             Adam learning rate (default 0.01)
              --hidden H         hidden size (default 32)
              --latent L         embedding size (default 16)
              --loss full|negative-sampling   reconstruction loss (default full)
              --no-features      ignore node features (X = I)
              --threads T        threads for the kernels (default: all cores)
              --json FILE        also write the results as JSON to FILE
              --model-file FILE  run the model described in FILE (JSON: encoder, sampler, decoder, losses, training)
              --model-json JSON  the same description inline
              --help             show this help""";

    public Options {
        models = List.copyOf(models);
        if (modelFile.isPresent() && modelJson.isPresent()) {
            throw new IllegalArgumentException("Give either --model-file or --model-json, not both");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("At least one model is needed");
        }
        for (String m : models) {
            if (!m.equals("gae") && !m.equals("vgae")) {
                throw new IllegalArgumentException("Unknown model '" + m + "'; known models: [gae, vgae]");
            }
        }
        if (!lossMode.equals("full") && !lossMode.equals("negative-sampling")) {
            throw new IllegalArgumentException("Unknown loss '" + lossMode + "'; known: [full, negative-sampling]");
        }
        if (seeds < 1 || epochs < 1 || hidden < 1 || latent < 1 || threads < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "seeds, epochs, hidden, latent, threads and lr must be positive; got %d, %d, %d, %d, %d, %s",
                    seeds,
                    epochs,
                    hidden,
                    latent,
                    threads,
                    learningRate));
        }
    }

    public static Options defaults() {
        return new Options(
                Optional.empty(),
                List.of("gae", "vgae"),
                5,
                0L,
                200,
                0.01,
                32,
                16,
                "full",
                true,
                Runtime.getRuntime().availableProcessors(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Parses command-line arguments; throws IllegalArgumentException with a readable message. */
    public static Options parse(String... args) {
        Options o = defaults();
        Optional<Path> dataDir = o.dataDir();
        List<String> models = o.models();
        int seeds = o.seeds();
        long firstSeed = o.firstSeed();
        int epochs = o.epochs();
        double lr = o.learningRate();
        int hidden = o.hidden();
        int latent = o.latent();
        String loss = o.lossMode();
        boolean features = o.features();
        int threads = o.threads();
        Optional<Path> json = o.json();
        Optional<Path> modelFile = o.modelFile();
        Optional<String> modelJson = o.modelJson();
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            switch (flag) {
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(flag, rest)));
                case "--model" -> models = List.of(value(flag, rest).split(","));
                case "--seeds" -> seeds = intValue(flag, rest);
                case "--seed" -> firstSeed = Long.parseLong(value(flag, rest));
                case "--epochs" -> epochs = intValue(flag, rest);
                case "--lr" -> lr = doubleValue(flag, rest);
                case "--hidden" -> hidden = intValue(flag, rest);
                case "--latent" -> latent = intValue(flag, rest);
                case "--loss" -> loss = value(flag, rest);
                case "--no-features" -> features = false;
                case "--threads" -> threads = intValue(flag, rest);
                case "--json" -> json = Optional.of(Path.of(value(flag, rest)));
                case "--model-file" -> modelFile = Optional.of(Path.of(value(flag, rest)));
                case "--model-json" -> modelJson = Optional.of(value(flag, rest));
                default -> throw new IllegalArgumentException("Unknown option '" + flag + "'");
            }
        }
        return new Options(
                dataDir, models, seeds, firstSeed, epochs, lr, hidden, latent, loss, features, threads, json, modelFile,
                modelJson);
    }

    private static String value(String flag, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException("Option '" + flag + "' needs a value");
        }
        return rest.remove(0);
    }

    private static int intValue(String flag, List<String> rest) {
        String v = value(flag, rest);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option '" + flag + "' needs an integer, got '" + v + "'");
        }
    }

    private static double doubleValue(String flag, List<String> rest) {
        String v = value(flag, rest);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option '" + flag + "' needs a number, got '" + v + "'");
        }
    }
}
