// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.LearningRateSchedule;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The model to train: a preset ({@code gae}, {@code vgae}) or a model file, then any component
 * replaced by plugin name and any option set, then training settings (the optimiser too is a plugin
 * by name, with {@code -O optimizer.KEY=VALUE} options). Options given on the command line win over
 * the model file.
 */
public final class ModelOptions {

    @Option(
            names = {"-m", "--model"},
            paramLabel = "PRESET",
            defaultValue = "gae",
            description = "gae (default) or vgae: Kipf & Welling's models, hidden 32, latent 16, full-graph loss.")
    String preset = "gae";

    @Option(
            names = "--model-file",
            paramLabel = "FILE",
            description = "A model description (encoder, sampler, decoder, losses, training) in JSON, or YAML for"
                    + " FILE.yaml / FILE.yml; replaces --model.")
    Path modelFile;

    @Option(names = "--encoder", paramLabel = "NAME", description = "Encoder plugin by name (see 'gae plugins').")
    String encoder;

    @Option(names = "--sampler", paramLabel = "NAME", description = "Sampler plugin by name.")
    String sampler;

    @Option(names = "--decoder", paramLabel = "NAME", description = "Decoder plugin by name.")
    String decoder;

    @Option(
            names = "--loss",
            paramLabel = "NAME[:WEIGHT]",
            split = ",",
            description = "Loss terms replacing the model's, e.g. weighted-bce,kl:0.5; repeatable.")
    List<String> losses = new ArrayList<>();

    @Option(
            names = "--corruption",
            paramLabel = "NAME",
            split = ",",
            description = "Corruptions of the encoder's input in training (denoising, masking), e.g."
                    + " edge-dropout; options with -O corruption.NAME.KEY=VALUE; repeatable.")
    List<String> corruptions = new ArrayList<>();

    @Option(
            names = {"-O", "--option"},
            paramLabel = "PART.KEY=VALUE",
            description = "A component option: encoder.hidden=64, sampler.KEY=..., decoder.KEY=...,"
                    + " loss.NAME.KEY=..., corruption.NAME.KEY=..., optimizer.KEY=...; repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(
            names = {"-e", "--epochs"},
            paramLabel = "N",
            description = "Training epochs (default 200).")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "RATE", description = "The optimizer's learning rate (default 0.01).")
    Double learningRate;

    @Option(
            names = "--optimizer",
            paramLabel = "NAME",
            description = "Optimizer plugin by name: adam (default), adamw, sgd or any plugin's (see 'gae plugins');"
                    + " options with -O optimizer.KEY=VALUE.")
    String optimizer;

    @Option(
            names = "--weight-decay",
            paramLabel = "DECAY",
            description = "The optimizer's weight-decay option (adam: L2 added to the gradient, default 0; adamw:"
                    + " decoupled, default 0.01; sgd: L2, default 0).")
    Double weightDecay;

    @Option(
            names = "--patience",
            paramLabel = "N",
            description = "Stop when validation AUC has not improved for N epochs (default 0 = never stop early).")
    Integer patience;

    @Option(
            names = "--grad-clip",
            paramLabel = "MAX_NORM",
            description = "Clip the global gradient norm to MAX_NORM before each step, as PyTorch's"
                    + " clip_grad_norm_ (default 0 = off).")
    Double gradClip;

    @Option(
            names = "--lr-schedule",
            paramLabel = "SCHEDULE",
            description = "constant (default) or cosine: GraphMAE's decay lr * (1 + cos(pi * t / T)) / 2 at epoch"
                    + " t + 1 of T = --epochs (a resumed run keeps the checkpoint's).")
    String lrSchedule;

    @Option(
            names = {"-s", "--seed"},
            paramLabel = "SEED",
            description = "Seeds the split, the initial weights and the training noise (default 42).")
    Long seed;

    @Option(
            names = "--eval-every",
            paramLabel = "N",
            description = "Validation AUC/AP every N epochs (default 1; 0 = never).")
    Integer evalEvery;

    @Option(
            names = "--keep-last",
            description = "Keep the last epoch's weights instead of the best validation epoch's.")
    boolean keepLast;

    public ModelOptions() {}

    /**
     * Whether the user chose anything about the model or its training beyond the seed: a model file, a component,
     * a loss, a corruption, an option or a training setting ({@code --model} itself is seen by the command).
     */
    public boolean choosesModel() {
        return modelFile != null
                || !preset.equals("gae")
                || encoder != null
                || sampler != null
                || decoder != null
                || !losses.isEmpty()
                || !corruptions.isEmpty()
                || !options.isEmpty()
                || epochs != null
                || learningRate != null
                || optimizer != null
                || weightDecay != null
                || patience != null
                || gradClip != null
                || lrSchedule != null
                || keepLast;
    }

    /** Whether the loss terms are the user's ({@code --loss} or a model file), not a preset's. */
    public boolean choosesLosses() {
        return modelFile != null || !losses.isEmpty();
    }

    /** The description these options give. */
    public ModelDescription description() {
        ModelDescription base;
        if (modelFile != null) {
            base = ModelDescriptionFile.read(modelFile);
        } else {
            ModelSpec spec = switch (preset) {
                case "gae" -> ModelSpec.gae();
                case "vgae" -> ModelSpec.vgae();
                default ->
                    throw new ConfigException("Unknown model preset '" + preset
                            + "'; presets: gae, vgae (or compose one with --encoder/--decoder/--loss or --model-file)");
            };
            base = new ModelDescription(spec, TrainerConfig.builder().build());
        }
        ModelSpec spec = base.model();
        ComponentSpec enc = replace(spec.encoder(), encoder, "encoder");
        ComponentSpec smp = replace(spec.sampler(), sampler, "sampler");
        ComponentSpec dec = replace(spec.decoder(), decoder, "decoder");
        List<LossSpec> lossSpecs = losses.isEmpty()
                ? spec.losses()
                : losses.stream().map(ModelOptions::loss).toList();
        lossSpecs = lossSpecs.stream()
                .map(l -> new LossSpec(
                        withOptions(l.component(), "loss." + l.component().name()), l.weight()))
                .toList();
        List<ComponentSpec> corruptionSpecs = corruptions.isEmpty()
                ? spec.corruptions()
                : corruptions.stream()
                        .map(name -> ComponentSpec.of(name.trim()))
                        .toList();
        corruptionSpecs = corruptionSpecs.stream()
                .map(c -> withOptions(c, "corruption." + c.name()))
                .toList();
        checkOptionTargets(lossSpecs, corruptionSpecs);
        spec = new ModelSpec(enc, smp, dec, lossSpecs, corruptionSpecs);

        checkRanges();
        TrainerConfig.Builder t = base.training().toBuilder();
        if (epochs != null) {
            t.epochs(epochs);
        }
        if (learningRate != null) {
            t.learningRate(learningRate);
        }
        t.optimizer(replace(base.training().optimizer(), optimizer, "optimizer"));
        if (weightDecay != null) {
            t.optimizerOption("weight-decay", weightDecay);
        }
        if (patience != null) {
            t.patience(patience);
        }
        if (gradClip != null) {
            t.gradientClipNorm(gradClip);
        }
        if (lrSchedule != null) {
            t.learningRateSchedule(LearningRateSchedule.fromKey(lrSchedule)
                    .orElseThrow(() -> new ConfigException(
                            "--lr-schedule must be one of " + LearningRateSchedule.keys() + ", got " + lrSchedule)));
        }
        if (seed != null) {
            t.seed(seed);
        }
        if (evalEvery != null) {
            t.evalEvery(evalEvery);
        }
        if (keepLast) {
            t.restoreBest(false);
        }
        TrainerConfig training;
        try {
            training = t.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Bad training settings: " + e.getMessage());
        }
        return new ModelDescription(
                spec,
                training.toBuilder()
                        .logEvery(Math.max(1, training.epochs() / 10))
                        .build());
    }

    /** Each numeric option in its range, named in the message (not "Bad training settings" from the builder). */
    private void checkRanges() {
        OptionChecks.atLeast("--epochs", epochs, 1, "");
        OptionChecks.positive("--lr", learningRate);
        OptionChecks.nonNegative("--weight-decay", weightDecay, "");
        OptionChecks.atLeast("--patience", patience, 0, "0 = never stop early");
        OptionChecks.nonNegative("--grad-clip", gradClip, "0 = off");
        OptionChecks.atLeast("--eval-every", evalEvery, 0, "0 = never");
    }

    /** Epochs from the command line, if given (a resumed run may extend its schedule). */
    public Integer epochsOverride() {
        return epochs;
    }

    private ComponentSpec replace(ComponentSpec current, String name, String part) {
        ComponentSpec c = name == null ? current : ComponentSpec.of(name);
        return withOptions(c, part);
    }

    private ComponentSpec withOptions(ComponentSpec c, String prefix) {
        Map<String, String> merged = new LinkedHashMap<>(c.config().asMap());
        options.forEach((key, value) -> {
            if (key.startsWith(prefix + ".") && key.indexOf('.', prefix.length() + 1) < 0) {
                merged.put(key.substring(prefix.length() + 1), value);
            }
        });
        return new ComponentSpec(c.name(), ComponentConfig.of(merged));
    }

    /** Every -O key must name a part of the model; a typo should not be ignored. */
    private void checkOptionTargets(List<LossSpec> lossSpecs, List<ComponentSpec> corruptionSpecs) {
        List<String> prefixes = new ArrayList<>(List.of("encoder", "sampler", "decoder", "optimizer"));
        lossSpecs.forEach(l -> prefixes.add("loss." + l.component().name()));
        corruptionSpecs.forEach(c -> prefixes.add("corruption." + c.name()));
        for (String key : options.keySet()) {
            int dot = key.lastIndexOf('.');
            String prefix = dot < 0 ? "" : key.substring(0, dot);
            if (!prefixes.contains(prefix)) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "Option '%s' names no part of the model; use one of %s followed by .KEY=VALUE",
                        key,
                        String.join(", ", prefixes)));
            }
        }
    }

    private static LossSpec loss(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new LossSpec(ComponentSpec.of(text.trim()), 1.0);
        }
        String name = text.substring(0, colon).trim();
        try {
            return new LossSpec(
                    ComponentSpec.of(name),
                    Double.parseDouble(text.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new ConfigException("Loss weight in '" + text + "' is not a number; write NAME or NAME:WEIGHT");
        }
    }
}
