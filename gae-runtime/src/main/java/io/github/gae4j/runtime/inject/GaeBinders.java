package io.github.gae4j.runtime.inject;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.core.spi.ComponentFactory;

/** The MapBinder of each component kind, in one place so every module binds the same keys. */
public final class GaeBinders {

    private GaeBinders() {
    }

    public static <F extends ComponentFactory<?>> MapBinder<String, F> factories(Binder binder, ComponentKind<F> kind) {
        return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), TypeLiteral.get(kind.factoryType()));
    }
}
