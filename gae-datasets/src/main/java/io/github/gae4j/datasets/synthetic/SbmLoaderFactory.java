// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.synthetic;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.core.spi.Parameter;
import java.util.List;

/**
 * The {@code sbm} dataset loader: a {@link StochasticBlockModel}. Options (defaults): {@code nodes}
 * (1000), {@code communities} (20), {@code p-in} (0.2), {@code p-out} (0.0005), {@code feature-dim}
 * (50), {@code feature-noise} (1.0), {@code feature-type} (double; float halves the features' memory),
 * {@code edges} (0: off; else the expected edge count, setting p-in and p-out with {@code within-share}, 0.9, of
 * them inside communities), {@code seed} (42). The graph's seed is its own option, not the
 * {@link CreationContext} seed, so changing the model's seed never changes the data.
 */
public final class SbmLoaderFactory implements DatasetLoaderFactory {

    public static final String NAME = "sbm";
    public static final String NODES = "nodes";
    public static final String COMMUNITIES = "communities";
    public static final String P_IN = "p-in";
    public static final String P_OUT = "p-out";
    public static final String FEATURE_DIM = "feature-dim";
    public static final String FEATURE_NOISE = "feature-noise";
    public static final String SEED = "seed";
    public static final String EDGES = "edges";
    public static final String WITHIN_SHARE = "within-share";
    public static final String FEATURE_TYPE = "feature-type";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of(NODES, StochasticBlockModel.DEFAULT_NODES, "number of nodes"),
            Parameter.of(COMMUNITIES, StochasticBlockModel.DEFAULT_COMMUNITIES, "number of communities (the labels)"),
            Parameter.of(P_IN, StochasticBlockModel.DEFAULT_P_IN, "edge probability within a community"),
            Parameter.of(P_OUT, StochasticBlockModel.DEFAULT_P_OUT, "edge probability between communities"),
            Parameter.of(FEATURE_DIM, StochasticBlockModel.DEFAULT_FEATURE_DIM, "feature dimension"),
            Parameter.of(
                    FEATURE_NOISE,
                    StochasticBlockModel.DEFAULT_FEATURE_NOISE,
                    "std of the noise added to each community's feature prototype"),
            Parameter.of(FEATURE_TYPE, "double", "how dense features are stored: double, or float (half the memory)"),
            Parameter.of(EDGES, 0, "expected undirected edges; sets p-in and p-out (0: use them as given)"),
            Parameter.of(
                    WITHIN_SHARE,
                    StochasticBlockModel.DEFAULT_WITHIN_SHARE,
                    "share of the expected edges inside communities when 'edges' is set"),
            Parameter.of(SEED, StochasticBlockModel.DEFAULT_SEED, "seed of the graph (not the model's seed)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public String description() {
        return "Synthetic stochastic block model with community-correlated features (built in, seeded)";
    }

    @Override
    public DatasetLoader create(ComponentConfig config, CreationContext context) {
        ComponentConfig c = config.describedAs("dataset loader '" + NAME + "'");
        c.requireOnly(Parameter.names(PARAMETERS));
        long edges = c.getLong(EDGES, 0L);
        if (edges > 0 && (c.asMap().containsKey(P_IN) || c.asMap().containsKey(P_OUT))) {
            throw new ConfigException("Options 'edges' and 'p-in'/'p-out' of dataset loader 'sbm' contradict each"
                    + " other: 'edges' sets both probabilities; give one or the other");
        }
        return StochasticBlockModel.builder()
                .nodes(c.getInt(NODES, StochasticBlockModel.DEFAULT_NODES))
                .communities(c.getInt(COMMUNITIES, StochasticBlockModel.DEFAULT_COMMUNITIES))
                .pIn(c.getDouble(P_IN, StochasticBlockModel.DEFAULT_P_IN))
                .pOut(c.getDouble(P_OUT, StochasticBlockModel.DEFAULT_P_OUT))
                .featureDim(c.getInt(FEATURE_DIM, StochasticBlockModel.DEFAULT_FEATURE_DIM))
                .featureNoise(c.getDouble(FEATURE_NOISE, StochasticBlockModel.DEFAULT_FEATURE_NOISE))
                .featureType(c.getString(FEATURE_TYPE, "double"))
                .edges(edges)
                .withinShare(c.getDouble(WITHIN_SHARE, StochasticBlockModel.DEFAULT_WITHIN_SHARE))
                .seed(c.getLong(SEED, StochasticBlockModel.DEFAULT_SEED))
                .build();
    }
}
