package org.nnlab.config;

import java.util.List;
import java.util.Objects;
import org.nnlab.network.Activation;
import org.nnlab.network.Initializer;

/**
 * The {@code network:} block.
 *
 * @param layers nodes per layer, input first: {@code [784, 100, 10]}; at least two layers of ≥ 1 node
 * @param activation the node function; only {@code sigmoid}
 * @param init how starting weights are drawn; default {@code normal-fan-in} (σ = 1/√n)
 */
public record NetworkConfig(List<Integer> layers, Activation activation, Initializer init) {
  public NetworkConfig {
    layers = List.copyOf(layers);
    if (layers.size() < 2) {
      throw new IllegalArgumentException(
          "network.layers needs at least 2 layers (inputs and outputs), found " + layers.size());
    }
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) < 1) {
        throw new IllegalArgumentException(
            "network.layers[" + i + "] must be ≥ 1, found " + layers.get(i));
      }
    }
    activation = activation == null ? Activation.sigmoid() : activation;
    init = init == null ? Initializer.normalFanIn() : init;
    Objects.requireNonNull(init);
  }

  /** The layer sizes as an array, input first. */
  public int[] sizes() {
    return layers.stream().mapToInt(Integer::intValue).toArray();
  }

  public NetworkConfig withLayers(List<Integer> newLayers) {
    return new NetworkConfig(newLayers, activation, init);
  }

  public NetworkConfig withInit(Initializer newInit) {
    return new NetworkConfig(layers, activation, newInit);
  }
}
