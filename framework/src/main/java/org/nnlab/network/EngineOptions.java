package org.nnlab.network;

import java.util.Objects;

/**
 * What a config asks of the training engine: the number type ({@code network.precision}) and the
 * inner loops ({@code network.kernels}). {@link TrainingEngine#of(Network, EngineOptions, int)}
 * builds the engine; {@link #describe()} says what will run on this JVM.
 *
 * <pre>{@code
 * EngineOptions options = new EngineOptions(Precision.DOUBLE, KernelChoice.AUTO);
 * TrainingEngine engine = TrainingEngine.of(network, options, 1);
 * }</pre>
 */
public record EngineOptions(Precision precision, KernelChoice kernels) {
  /** Double precision, vector loops when the JVM has them. */
  public static final EngineOptions DEFAULT = new EngineOptions(Precision.DOUBLE, KernelChoice.AUTO);

  public EngineOptions {
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(kernels, "kernels");
  }

  /**
   * The engine these options give on this JVM.
   *
   * @throws IllegalStateException when they ask for {@code vector} kernels and the JVM lacks them
   */
  public EngineInfo describe() {
    Kernels k = Kernels.of(kernels);
    return new EngineInfo("block", precision.id(), k.name(), k.vectorBits(), kernels.id());
  }
}
