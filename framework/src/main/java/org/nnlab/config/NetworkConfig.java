package org.nnlab.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nnlab.network.Activation;
import org.nnlab.network.EngineOptions;
import org.nnlab.network.Initializer;
import org.nnlab.network.KernelChoice;
import org.nnlab.network.Precision;

/**
 * The {@code network:} block.
 *
 * @param layers nodes per layer, input first: {@code [784, 100, 10]}; at least two layers of ≥ 1 node,
 *     and no weight matrix of more than 2,147,483,639 weights ({@link NetworkSize})
 * @param activation the node function; only {@code sigmoid}
 * @param init how starting weights are drawn; default {@code normal-fan-in} (σ = 1/√n)
 * @param weights a folder of NumPy files ({@code W1.npy}, {@code W2.npy}, …, shaped (nodes_k,
 *     nodes_{k−1})) to start from instead of drawing; resolved against the config file's folder;
 *     null (the default) when absent
 * @param precision the number type training runs in; default {@code double}, opt-in {@code float}
 *     (about twice as fast, ~1e-7 relative rounding per operation)
 * @param kernels the training engine's inner loops: {@code auto} (the default: vector loops when the
 *     JVM has {@code jdk.incubator.vector}, else the plain loops with a warning), {@code vector} (an
 *     error without the module) or {@code scalar}; see {@link KernelChoice}
 */
public record NetworkConfig(
    List<Integer> layers, Activation activation, Initializer init, Path weights, Precision precision,
    KernelChoice kernels) {
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
    // one matrix is one Java array; the heap's size is checked before a run (NetworkSize.requireFits)
    NetworkSize.arrayProblem(layers).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    activation = activation == null ? Activation.sigmoid() : activation;
    init = init == null ? Initializer.normalFanIn() : init;
    Objects.requireNonNull(init);
    precision = precision == null ? Precision.DOUBLE : precision;
    kernels = kernels == null ? KernelChoice.AUTO : kernels;
  }

  /** Trains in {@code precision} on the kernels {@code auto} picks. */
  public NetworkConfig(
      List<Integer> layers, Activation activation, Initializer init, Path weights, Precision precision) {
    this(layers, activation, init, weights, precision, KernelChoice.AUTO);
  }

  /** A double-precision network whose starting weights are drawn by {@code init}. */
  public NetworkConfig(List<Integer> layers, Activation activation, Initializer init) {
    this(layers, activation, init, null, Precision.DOUBLE);
  }

  /** A double-precision network, starting from {@code weights} when not null. */
  public NetworkConfig(List<Integer> layers, Activation activation, Initializer init, Path weights) {
    this(layers, activation, init, weights, Precision.DOUBLE);
  }

  /** The folder of starting weights, when the config names one. */
  public Optional<Path> startingWeights() {
    return Optional.ofNullable(weights);
  }

  /** What training asks of the engine: {@link #precision} and {@link #kernels}. */
  public EngineOptions engine() {
    return new EngineOptions(precision, kernels);
  }

  /** The layer sizes as an array, input first. */
  public int[] sizes() {
    return layers.stream().mapToInt(Integer::intValue).toArray();
  }

  public NetworkConfig withLayers(List<Integer> newLayers) {
    return new NetworkConfig(newLayers, activation, init, weights, precision, kernels);
  }

  public NetworkConfig withInit(Initializer newInit) {
    return new NetworkConfig(layers, activation, newInit, weights, precision, kernels);
  }
}
