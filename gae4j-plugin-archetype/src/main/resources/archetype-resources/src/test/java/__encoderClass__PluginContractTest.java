package ${package};

import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.testkit.PluginContract;

/** gae-testkit's plugin contract: names, SPI version, and the service file that ServiceLoader reads. */
final class ${encoderClass}PluginContractTest implements PluginContract {

    @Override
    public GaePlugin plugin() {
        return new ${encoderClass}Plugin();
    }
}
