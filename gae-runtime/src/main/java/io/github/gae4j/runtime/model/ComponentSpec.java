// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import io.github.gae4j.core.spi.ComponentConfig;
import java.util.Objects;

/** A component chosen by plugin name, with its options. */
public record ComponentSpec(String name, ComponentConfig config) {

    public ComponentSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(config, "config is null");
    }

    public static ComponentSpec of(String name) {
        return new ComponentSpec(name, ComponentConfig.empty());
    }

    public static ComponentSpec of(String name, Object... options) {
        return new ComponentSpec(name, ComponentConfig.of(options));
    }
}
