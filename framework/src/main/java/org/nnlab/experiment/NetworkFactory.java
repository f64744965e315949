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

  /** The config's layers, activation and initializer, as declared. */
  static NetworkFactory fromConfig() {
    return (config, rng) -> Network.create(config.sizes(), config.activation(), config.init(), rng);
  }
}
