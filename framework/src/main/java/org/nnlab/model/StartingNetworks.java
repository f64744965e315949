package org.nnlab.model;

import java.util.random.RandomGenerator;
import org.nnlab.config.NetworkConfig;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.network.Network;

/**
 * The network factory nnlab binds by default: the weights in {@code network.weights} when the
 * config names a folder ({@link WeightsFolder}), else weights drawn by {@code network.init}
 * ({@link NetworkFactory#fromConfig()}). Layer sizes that do not match the files are a
 * {@link ModelException}. Stateless.
 */
public final class StartingNetworks implements NetworkFactory {
  private final NetworkFactory drawn = NetworkFactory.fromConfig();

  @Override
  public Network create(NetworkConfig config, RandomGenerator rng) {
    return config.startingWeights()
        .map(dir -> WeightsFolder.startingNetwork(dir, config.sizes(), config.activation(), "network.weights"))
        .orElseGet(() -> drawn.create(config, rng));
  }
}
