package org.nnlab.experiment;

import java.util.random.RandomGenerator;
import org.nnlab.config.NetworkConfig;
import org.nnlab.network.Network;

/**
 * Builds the starting network a config declares. The default draws weights with the config's
 * initializer; a host program may bind its own (through Guice) to start from other weights.
 */
public interface NetworkFactory {

  /** A new network for {@code config}, every random draw taken from {@code rng}. */
  Network create(NetworkConfig config, RandomGenerator rng);

  /**
   * Weights drawn with the config's layers, activation and initializer. A config naming
   * {@code network.weights} is refused here, never silently drawn: the factory nnlab binds,
   * {@code org.nnlab.model.StartingNetworks}, loads those.
   */
  static NetworkFactory fromConfig() {
    return (config, rng) -> {
      if (config.startingWeights().isPresent()) {
        throw new IllegalArgumentException("network.weights is set: load it with a factory that reads"
            + " weights (org.nnlab.model.StartingNetworks), not by drawing");
      }
      return Network.create(config.sizes(), config.activation(), config.init(), rng);
    };
  }
}
