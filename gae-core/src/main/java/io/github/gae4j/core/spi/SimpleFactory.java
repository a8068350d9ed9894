// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.optim.Optimizer;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A factory made of its parts: a name, a description, the declared {@link Parameter}s and a function that reads the
 * options and creates the component. For plugins whose factories need no state of their own; the static methods
 * return one of the kind interfaces ({@link #loss}, {@link #sampler}, …), and a named factory class may extend it:
 *
 * <pre>{@code
 * LossFactory kl = SimpleFactory.loss("kl", "VGAE KL term",
 *         List.of(Parameter.withoutDefault("beta", "weight of the term; 1/N when absent")),
 *         (config, context) -> new KlLoss(...));
 * }</pre>
 *
 * <p>{@link #parameters()} is its only declaration of options ({@link #parameterNames()} keeps its empty default,
 * as for every factory that declares {@link #parameters()}). {@link #create} only calls the function: option keys
 * are checked by the caller (the model assembler) against {@link ComponentFactory#optionNames} before, as for every
 * factory.
 *
 * @param <T> the component type
 */
public class SimpleFactory<T> implements ComponentFactory<T> {

    private final String name;
    private final String description;
    private final List<Parameter> parameters;
    private final BiFunction<ComponentConfig, CreationContext, ? extends T> creator;

    /**
     * @throws IllegalArgumentException if {@code name} is blank or two parameters share a name
     */
    public SimpleFactory(
            String name,
            String description,
            List<Parameter> parameters,
            BiFunction<ComponentConfig, CreationContext, ? extends T> creator) {
        this.name = Objects.requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Factory name is blank");
        }
        this.description = Objects.requireNonNull(description, "description is null");
        this.parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters is null"));
        if (Parameter.names(this.parameters).size() != this.parameters.size()) {
            throw new IllegalArgumentException("Factory '" + name + "' declares a parameter twice: " + this.parameters);
        }
        this.creator = Objects.requireNonNull(creator, "creator is null");
    }

    public static EncoderFactory encoder(
            String name,
            String description,
            List<Parameter> parameters,
            BiFunction<ComponentConfig, CreationContext, ? extends Encoder> creator) {
        return new OfEncoder(name, description, parameters, creator);
    }

    public static SamplerFactory sampler(
            String name,
            String description,
            List<Parameter> parameters,
            BiFunction<ComponentConfig, CreationContext, ? extends Sampler> creator) {
        return new OfSampler(name, description, parameters, creator);
    }

    public static DecoderFactory decoder(
            String name,
            String description,
            List<Parameter> parameters,
            BiFunction<ComponentConfig, CreationContext, ? extends Decoder> creator) {
        return new OfDecoder(name, description, parameters, creator);
    }

    public static LossFactory loss(
            String name,
            String description,
            List<Parameter> parameters,
            BiFunction<ComponentConfig, CreationContext, ? extends Loss> creator) {
        return new OfLoss(name, description, parameters, creator);
    }

    public static CorruptionFactory corruption(
            String name,
            String description,
            List<Parameter> parameters,
            BiFunction<ComponentConfig, CreationContext, ? extends Corruption> creator) {
        return new OfCorruption(name, description, parameters, creator);
    }

    public static DatasetLoaderFactory datasetLoader(
            String name,
            String description,
            List<Parameter> parameters,
            BiFunction<ComponentConfig, CreationContext, ? extends DatasetLoader> creator) {
        return new OfDatasetLoader(name, description, parameters, creator);
    }

    public static OptimizerFactory optimizer(
            String name,
            String description,
            List<Parameter> parameters,
            BiFunction<ComponentConfig, CreationContext, ? extends Optimizer> creator) {
        return new OfOptimizer(name, description, parameters, creator);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public T create(ComponentConfig config, CreationContext context) {
        return creator.apply(config, context);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }

    private static final class OfEncoder extends SimpleFactory<Encoder> implements EncoderFactory {
        OfEncoder(
                String name,
                String description,
                List<Parameter> parameters,
                BiFunction<ComponentConfig, CreationContext, ? extends Encoder> creator) {
            super(name, description, parameters, creator);
        }
    }

    private static final class OfSampler extends SimpleFactory<Sampler> implements SamplerFactory {
        OfSampler(
                String name,
                String description,
                List<Parameter> parameters,
                BiFunction<ComponentConfig, CreationContext, ? extends Sampler> creator) {
            super(name, description, parameters, creator);
        }
    }

    private static final class OfDecoder extends SimpleFactory<Decoder> implements DecoderFactory {
        OfDecoder(
                String name,
                String description,
                List<Parameter> parameters,
                BiFunction<ComponentConfig, CreationContext, ? extends Decoder> creator) {
            super(name, description, parameters, creator);
        }
    }

    private static final class OfLoss extends SimpleFactory<Loss> implements LossFactory {
        OfLoss(
                String name,
                String description,
                List<Parameter> parameters,
                BiFunction<ComponentConfig, CreationContext, ? extends Loss> creator) {
            super(name, description, parameters, creator);
        }
    }

    private static final class OfCorruption extends SimpleFactory<Corruption> implements CorruptionFactory {
        OfCorruption(
                String name,
                String description,
                List<Parameter> parameters,
                BiFunction<ComponentConfig, CreationContext, ? extends Corruption> creator) {
            super(name, description, parameters, creator);
        }
    }

    private static final class OfOptimizer extends SimpleFactory<Optimizer> implements OptimizerFactory {
        OfOptimizer(
                String name,
                String description,
                List<Parameter> parameters,
                BiFunction<ComponentConfig, CreationContext, ? extends Optimizer> creator) {
            super(name, description, parameters, creator);
        }
    }

    private static final class OfDatasetLoader extends SimpleFactory<DatasetLoader> implements DatasetLoaderFactory {
        OfDatasetLoader(
                String name,
                String description,
                List<Parameter> parameters,
                BiFunction<ComponentConfig, CreationContext, ? extends DatasetLoader> creator) {
            super(name, description, parameters, creator);
        }
    }
}
