// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.io.AtomicFiles;
import io.github.gae4j.core.io.IoErrors;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.files.Json;
import io.github.gae4j.runtime.files.LocatedTree;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.files.ProvenanceJson;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.OptimizerState;
import io.github.gae4j.runtime.train.TrainingState;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The saved-model file format, versions 1 to {@value #FORMAT_VERSION}:
 *
 * <pre>
 * 8 bytes   magic "GAE4JMDL"
 * int32     format version (big-endian)
 * int32     header length n
 * n bytes   header, UTF-8 JSON: model description, provenance, tensor index, training state
 * ...       tensors in index order, rows × cols big-endian IEEE doubles, row-major
 * 32 bytes  SHA-256 of everything before it
 * </pre>
 *
 * Version 2 added the loss terms' own training state ({@code Loss.state()}, {@link
 * TrainingState#lossState()}) to checkpoints: tensors of role {@code loss-state} whose index entry
 * names their term ({@code "term"}), and the list of terms in {@code training.loss-terms}. Version 3
 * holds the model description as a JSON object (versions 1 and 2: a string of JSON text) and the
 * typed {@link Provenance} as the object {@code "provenance"} (versions 1 and 2: a flat string map
 * {@code "metadata"}, read through {@link ProvenanceJson#fromLegacyMetadata}). Every file is written
 * as version 3, which gae4j releases that read only versions 1 and 2 refuse as written by a newer
 * gae4j; versions 1 and 2 read as before (a version 1 file has no loss state).
 *
 * <p>Version 4 holds the optimiser's state by the optimiser's name: {@code training.optimizer} names it, and its
 * {@code Optimizer.state()} tensors have role {@code optimizer-state} and their own names (Adam's
 * {@code <parameter>.exp-avg}, {@code .exp-avg-sq}, {@code .step}; SGD's {@code <parameter>.momentum-buffer}; a
 * plugin's whatever it calls them). Versions 1 to 3 hold Adam's moments alone (roles {@code adam-m} and
 * {@code adam-v} per parameter, the update counts in {@code training.optimizer-steps}); they read as optimizer
 * {@code adam} with that state, so their runs resume bit for bit. Every file is written as version 4.
 *
 * <p>Writes go to a temporary file in the target's folder, are flushed to disk and renamed over the
 * target, so a crash leaves either the old file or the new one, never half of one. Reads check the
 * magic, the version, the checksum and every length, and name the file in every error.
 */
public final class SavedModelFile {

    /** The newest version this reads, and the one it writes. */
    public static final int FORMAT_VERSION = 4;
    /** The first version with any optimiser's state by name (before: Adam's moments alone). */
    private static final int OPTIMIZER_STATE_VERSION = 4;
    /** The first version with loss state tensors. */
    private static final int LOSS_STATE_VERSION = 2;

    private static final byte[] MAGIC = "GAE4JMDL".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 64 << 20;

    private SavedModelFile() {}

    /** Writes {@code model} to {@code file} atomically; returns the file's SHA-256 in hex. */
    public static String write(SavedModel model, Path file) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = AtomicFiles.newTempSibling(target);
            MessageDigest sha = sha256();
            List<Tensor> tensors = tensors(model);
            int version = FORMAT_VERSION;
            byte[] header = Json.write(header(model, tensors, version)).getBytes(StandardCharsets.UTF_8);
            try (OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING);
                    DataOutputStream out =
                            new DataOutputStream(new DigestOutputStream(new BufferedOutputStream(raw, 1 << 16), sha))) {
                out.write(MAGIC);
                out.writeInt(version);
                out.writeInt(header.length);
                out.write(header);
                for (Tensor t : tensors) {
                    for (double v : t.value().data()) {
                        out.writeDouble(v);
                    }
                }
                out.flush();
                byte[] digest = sha.digest();
                out.write(digest);
                out.flush();
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                AtomicFiles.moveIntoPlace(tmp, target);
                tmp = null;
                return HexFormat.of().formatHex(digest);
            }
        } catch (IOException e) {
            throw new SavedModelException(
                    String.format(Locale.ROOT, "%s: cannot write the model: %s", file, IoErrors.describe(e)), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one to report
                }
            }
        }
    }

    /** Reads and checks a saved model or checkpoint. */
    public static SavedModel read(Path file) {
        MessageDigest sha = sha256();
        try (InputStream raw = Files.newInputStream(file);
                DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), sha);
                DataInputStream in = new DataInputStream(digesting)) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw fail(file, "not a gae4j model file (it does not start with GAE4JMDL)");
            }
            int version = in.readInt();
            if (version > FORMAT_VERSION || version < 1) {
                throw fail(
                        file,
                        String.format(
                                Locale.ROOT,
                                "format version %d; this gae4j reads versions 1 to %d%s",
                                version,
                                FORMAT_VERSION,
                                version > FORMAT_VERSION ? " (written by a newer gae4j: upgrade to read it)" : ""));
            }
            int headerLength = in.readInt();
            if (headerLength < 2 || headerLength > MAX_HEADER) {
                throw fail(file, "header length " + headerLength + " is impossible: the file is damaged");
            }
            byte[] headerBytes = new byte[headerLength];
            in.readFully(headerBytes);
            Header header = Header.parse(new String(headerBytes, StandardCharsets.UTF_8), file);
            List<Matrix> values = new ArrayList<>();
            for (TensorInfo t : header.tensors()) {
                double[] data = new double[Math.multiplyExact(t.rows(), t.cols())];
                for (int k = 0; k < data.length; k++) {
                    data[k] = in.readDouble();
                }
                values.add(Matrix.wrapRowMajor(t.rows(), t.cols(), data));
            }
            byte[] expected = sha.digest();
            digesting.on(false);
            byte[] stored = new byte[32];
            in.readFully(stored);
            if (!MessageDigest.isEqual(expected, stored)) {
                throw fail(file, "checksum mismatch: the file was changed or damaged after it was written");
            }
            if (in.read() != -1) {
                throw fail(file, "unexpected bytes after the checksum: the file is damaged");
            }
            return header.toModel(values, version, file);
        } catch (NoSuchFileException e) {
            throw fail(file, "no such file");
        } catch (EOFException e) {
            throw fail(file, "the file ends early (truncated: an interrupted copy or download?)");
        } catch (IOException e) {
            throw fail(file, "cannot read: " + IoErrors.reason(e));
        } catch (ArithmeticException e) {
            throw fail(file, "a tensor shape is too large: the file is damaged");
        }
    }

    private static SavedModelException fail(Path file, String problem) {
        return new SavedModelException(file + ": " + problem);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** @param term the loss term of a {@code loss-state} tensor, null for the others */
    private record Tensor(String name, String role, String term, Matrix value) {}

    private record TensorInfo(String name, String role, String term, int rows, int cols) {}

    private static final String PARAMETER = "parameter";
    private static final String BEST = "best";
    private static final String ADAM_M = "adam-m";
    private static final String ADAM_V = "adam-v";
    private static final String LOSS_STATE = "loss-state";
    private static final String OPTIMIZER_STATE = "optimizer-state";

    private static List<Tensor> tensors(SavedModel model) {
        List<Tensor> out = new ArrayList<>();
        for (SavedModel.Parameter p : model.parameters()) {
            out.add(new Tensor(p.name(), PARAMETER, null, p.value()));
        }
        model.training().ifPresent(t -> {
            for (int k = 0; k < t.bestWeights().size(); k++) {
                out.add(new Tensor(
                        model.parameters().get(k).name(),
                        BEST,
                        null,
                        t.bestWeights().get(k)));
            }
            t.lossState()
                    .forEach((term, state) ->
                            state.forEach((name, value) -> out.add(new Tensor(name, LOSS_STATE, term, value))));
            t.optimizer().tensors().forEach((name, value) -> out.add(new Tensor(name, OPTIMIZER_STATE, null, value)));
        });
        return out;
    }

    private static ObjectNode header(SavedModel model, List<Tensor> tensors, int version) {
        ObjectNode h = Json.object();
        h.put("format", "gae4j-model");
        h.put("format-version", version);
        h.put("spi-version", GaeSpi.VERSION);
        h.set("model", ModelDescriptionFile.toTree(model.description()));
        model.provenance().ifPresent(p -> h.set("provenance", ProvenanceJson.write(p)));
        ArrayNode index = h.putArray("tensors");
        for (Tensor t : tensors) {
            ObjectNode m = index.addObject();
            m.put("name", t.name());
            m.put("role", t.role());
            if (t.term() != null) {
                m.put("term", t.term());
            }
            m.put("rows", t.value().rows());
            m.put("cols", t.value().cols());
        }
        model.training().ifPresent(t -> {
            ObjectNode tr = h.putObject("training");
            tr.put("epochs-done", t.epochsDone());
            tr.put("best-epoch", t.bestEpoch());
            tr.put("best-val-auc", t.bestValAuc());
            tr.put("optimizer", t.optimizer().name());
            ArrayNode history = tr.putArray("history");
            for (EpochStats s : t.history()) {
                history.addArray()
                        .add(s.epoch())
                        .add(s.loss())
                        .add(s.valAuc())
                        .add(s.valAp())
                        .add(s.trainMillis());
            }
            if (t.hasLossState()) {
                ArrayNode terms = tr.putArray("loss-terms");
                t.lossState().keySet().forEach(terms::add);
            }
        });
        return h;
    }

    /** The parsed header, with located errors. */
    private record Header(
            ModelDescription description,
            Optional<Provenance> provenance,
            List<TensorInfo> tensors,
            ObjectNode training) {

        static Header parse(String text, Path file) {
            LocatedTree tree;
            try {
                tree = Json.read(text, Json.Syntax.JSON, file + " (header)");
            } catch (ConfigException e) {
                throw fail(file, "header is not valid JSON (" + e.getMessage() + "): the file is damaged");
            }
            if (!(tree.root() instanceof ObjectNode top)
                    || !"gae4j-model".equals(top.path("format").textValue())) {
                throw fail(file, "header does not describe a gae4j model");
            }
            ModelDescription description;
            Optional<Provenance> provenance;
            try {
                description = description(top.get("model"), tree, file);
                provenance = top.has("provenance")
                        ? Optional.of(ProvenanceJson.read(tree, top.get("provenance"), "/provenance"))
                        : ProvenanceJson.fromLegacyMetadata(legacyMetadata(top), description);
            } catch (ConfigException e) {
                throw new SavedModelException(e.getMessage(), e);
            }
            List<TensorInfo> tensors = new ArrayList<>();
            if (!(top.get("tensors") instanceof ArrayNode list)) {
                throw fail(file, "header has no tensor index");
            }
            for (JsonNode o : list) {
                if (!(o instanceof ObjectNode t)) {
                    throw fail(file, "tensor index entry is not an object");
                }
                int rows = integer(t, "rows", file);
                int cols = integer(t, "cols", file);
                if (rows < 0 || cols < 0) {
                    throw fail(file, "tensor '" + t.path("name").asText() + "' has a negative size");
                }
                String role = string(t, "role", file);
                String term = LOSS_STATE.equals(role) ? string(t, "term", file) : null;
                tensors.add(new TensorInfo(string(t, "name", file), role, term, rows, cols));
            }
            ObjectNode training = top.get("training") instanceof ObjectNode tr ? tr : null;
            return new Header(description, provenance, tensors, training);
        }

        /** A JSON object from version 3 on; before, a string holding the description's JSON text. */
        private static ModelDescription description(JsonNode model, LocatedTree header, Path file) {
            if (model != null && model.isTextual()) {
                return ModelDescriptionFile.parse(model.textValue(), file + " (model description)");
            }
            if (model == null || !model.isObject()) {
                throw fail(file, "header field 'model' is missing or neither an object nor a string");
            }
            return ModelDescriptionFile.read(header, model, "/model");
        }

        /** Versions 1 and 2: the flat string map {@code "metadata"} (empty when absent). */
        private static Map<String, String> legacyMetadata(ObjectNode top) {
            Map<String, String> metadata = new LinkedHashMap<>();
            if (top.get("metadata") instanceof ObjectNode m) {
                m.properties().forEach(e -> metadata.put(e.getKey(), LocatedTree.text(e.getValue())));
            }
            return metadata;
        }

        SavedModel toModel(List<Matrix> values, int version, Path file) {
            List<SavedModel.Parameter> params = new ArrayList<>();
            Map<String, Matrix> best = new LinkedHashMap<>();
            Map<String, Matrix> adamM = new LinkedHashMap<>();
            Map<String, Matrix> adamV = new LinkedHashMap<>();
            Map<String, Matrix> optimizerState = new LinkedHashMap<>();
            Map<String, Map<String, Matrix>> lossState = new LinkedHashMap<>();
            for (int k = 0; k < tensors.size(); k++) {
                TensorInfo t = tensors.get(k);
                switch (t.role()) {
                    case PARAMETER -> params.add(new SavedModel.Parameter(t.name(), values.get(k)));
                    case BEST -> best.put(t.name(), values.get(k));
                    case ADAM_M, ADAM_V -> {
                        if (version >= OPTIMIZER_STATE_VERSION) {
                            throw fail(
                                    file,
                                    "format version " + version + " holds Adam moments of '" + t.name()
                                            + "' outside the optimizer state: the file is damaged");
                        }
                        (ADAM_M.equals(t.role()) ? adamM : adamV).put(t.name(), values.get(k));
                    }
                    case OPTIMIZER_STATE -> {
                        if (version < OPTIMIZER_STATE_VERSION) {
                            throw fail(
                                    file,
                                    "format version " + version + " holds optimizer state tensor '" + t.name()
                                            + "', which that version does not have: the file is damaged");
                        }
                        if (optimizerState.put(t.name(), values.get(k)) != null) {
                            throw fail(
                                    file,
                                    "two optimizer state tensors are named '" + t.name() + "': the file is damaged");
                        }
                    }
                    case LOSS_STATE -> {
                        if (version < LOSS_STATE_VERSION) {
                            throw fail(
                                    file,
                                    "format version " + version + " holds loss state tensor '" + t.name()
                                            + "', which that version does not have: the file is damaged");
                        }
                        Matrix previous = lossState
                                .computeIfAbsent(t.term(), term -> new LinkedHashMap<>())
                                .put(t.name(), values.get(k));
                        if (previous != null) {
                            throw fail(
                                    file,
                                    "loss term '" + t.term() + "' has two state tensors named '" + t.name()
                                            + "': the file is damaged");
                        }
                    }
                    default -> throw fail(file, "unknown tensor role '" + t.role() + "'");
                }
            }
            Optional<TrainingState> state = Optional.empty();
            if (training != null) {
                OptimizerState optimizer = version >= OPTIMIZER_STATE_VERSION
                        ? optimizerState(optimizerState, file)
                        : adamState(params, adamM, adamV, file);
                state = Optional.of(trainingState(params, best, optimizer, lossTerms(lossState, file), file));
            } else if (!lossState.isEmpty()) {
                throw fail(file, "holds loss state but no training state: the file is damaged");
            }
            try {
                return new SavedModel(description, provenance, params, state);
            } catch (IllegalArgumentException e) {
                throw fail(file, e.getMessage());
            }
        }

        /**
         * Every listed loss term's state in the listed order (empty for a term without tensors); no
         * entries where the file lists no terms (written before loss state was kept).
         */
        private Map<String, Map<String, Matrix>> lossTerms(Map<String, Map<String, Matrix>> tensors, Path file) {
            Map<String, Map<String, Matrix>> out = new LinkedHashMap<>();
            JsonNode listed = training.get("loss-terms");
            if (listed == null) {
                if (!tensors.isEmpty()) {
                    throw fail(
                            file,
                            "holds state of loss term '"
                                    + tensors.keySet().iterator().next()
                                    + "' but lists no loss terms: the file is damaged");
                }
                return out;
            }
            if (!(listed instanceof ArrayNode terms)) {
                throw fail(file, "header field 'loss-terms' is not a list: the file is damaged");
            }
            for (JsonNode term : terms) {
                if (!term.isTextual() || out.containsKey(term.textValue())) {
                    throw fail(file, "loss term list entry " + term + " is damaged or repeated");
                }
                out.put(term.textValue(), tensors.getOrDefault(term.textValue(), Map.of()));
            }
            for (String term : tensors.keySet()) {
                if (!out.containsKey(term)) {
                    throw fail(
                            file,
                            "holds state of loss term '" + term + "', which is not in its list of loss" + " terms "
                                    + out.keySet() + ": the file is damaged");
                }
            }
            return out;
        }

        /** Version 4 on: the optimiser named in {@code training.optimizer}, with its state tensors. */
        private OptimizerState optimizerState(Map<String, Matrix> tensors, Path file) {
            JsonNode name = training.get("optimizer");
            if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                throw fail(file, "header field 'optimizer' is missing or not a name: the file is damaged");
            }
            return new OptimizerState(name.textValue(), tensors);
        }

        /** Versions 1 to 3: Adam's moments by parameter name, the update counts in the header. */
        private OptimizerState adamState(
                List<SavedModel.Parameter> params, Map<String, Matrix> adamM, Map<String, Matrix> adamV, Path file) {
            JsonNode steps = training.get("optimizer-steps") instanceof ArrayNode l
                    ? l
                    : Json.object().arrayNode();
            if (steps.size() != params.size() || adamM.size() != params.size() || adamV.size() != params.size()) {
                throw fail(file, "training state does not cover every parameter: the file is damaged");
            }
            List<Long> counts = new ArrayList<>();
            for (int k = 0; k < params.size(); k++) {
                String name = params.get(k).name();
                if (!steps.get(k).isIntegralNumber()
                        || !steps.get(k).canConvertToLong()
                        || steps.get(k).longValue() < 0
                        || !adamM.containsKey(name)
                        || !adamV.containsKey(name)) {
                    throw fail(file, "optimizer state of '" + name + "' is missing or damaged");
                }
                counts.add(steps.get(k).longValue());
            }
            return AdamMoments.state(
                    params.stream().map(SavedModel.Parameter::name).toList(), adamM, adamV, counts);
        }

        private TrainingState trainingState(
                List<SavedModel.Parameter> params,
                Map<String, Matrix> best,
                OptimizerState optimizer,
                Map<String, Map<String, Matrix>> lossState,
                Path file) {
            List<Matrix> current = new ArrayList<>();
            List<Matrix> bestWeights = new ArrayList<>();
            for (SavedModel.Parameter p : params) {
                current.add(p.value());
                if (best.containsKey(p.name())) {
                    bestWeights.add(best.get(p.name()));
                }
            }
            List<EpochStats> history = new ArrayList<>();
            if (training.get("history") instanceof ArrayNode rows) {
                for (JsonNode r : rows) {
                    if (!r.isArray() || r.size() != 5) {
                        throw fail(file, "training history row is damaged");
                    }
                    history.add(new EpochStats(
                            (int) number(r.get(0)),
                            number(r.get(1)),
                            number(r.get(2)),
                            number(r.get(3)),
                            number(r.get(4))));
                }
            }
            try {
                return new TrainingState(
                        integer(training, "epochs-done", file),
                        history,
                        integer(training, "best-epoch", file),
                        number(training.get("best-val-auc")),
                        current,
                        bestWeights.size() == params.size() ? bestWeights : List.of(),
                        optimizer,
                        lossState);
            } catch (IllegalArgumentException e) {
                throw fail(file, e.getMessage());
            }
        }

        /** JSON null stands for NaN (validation not measured that epoch). */
        private static double number(JsonNode o) {
            return o != null && o.isNumber() ? o.doubleValue() : Double.NaN;
        }

        private static String string(ObjectNode o, String key, Path file) {
            if (o.get(key) != null && o.get(key).isTextual()) {
                return o.get(key).textValue();
            }
            throw fail(file, "header field '" + key + "' is missing or not a string");
        }

        private static int integer(ObjectNode o, String key, Path file) {
            JsonNode v = o.get(key);
            if (v != null && v.isIntegralNumber() && v.canConvertToInt()) {
                return v.intValue();
            }
            throw fail(file, "header field '" + key + "' is missing or not an integer");
        }
    }
}
