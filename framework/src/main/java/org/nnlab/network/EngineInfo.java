package org.nnlab.network;

import java.util.Optional;

/**
 * Which training engine ran, for provenance, reports and the console: the engine, the precision,
 * the kernels that ran ({@code vector-512}, {@code scalar}, …) and their vector width, and the
 * kernels the config asked for. Immutable; {@link EngineOptions#describe()} makes one.
 *
 * <pre>{@code
 * EngineInfo info = EngineOptions.DEFAULT.describe();
 * info.summary();   // "block engine, double precision, vector-512 kernels"
 * info.warning();   // present when auto fell back to the plain loops
 * }</pre>
 *
 * @param name the engine: {@code block} ({@link BlockNetwork}), the only fast engine
 * @param precision {@code double} or {@code float}
 * @param kernels the loops that ran: {@code vector-N} for N-bit vectors, or {@code scalar}
 * @param vectorBits N, or 0 for {@code scalar}
 * @param requested the config's {@code network.kernels}: {@code auto}, {@code vector} or {@code scalar}
 */
public record EngineInfo(String name, String precision, String kernels, int vectorBits, String requested) {

  /** One line for people: {@code block engine, double precision, vector-512 kernels}. */
  public String summary() {
    return name + " engine, " + precision + " precision, " + kernels + " kernels";
  }

  /**
   * A warning when {@code auto} found no vector module and training runs on the plain loops, with
   * how to enable the module; empty otherwise.
   */
  public Optional<String> warning() {
    if (!KernelChoice.AUTO.id().equals(requested) || vectorBits > 0) {
      return Optional.empty();
    }
    return Optional.of("this JVM lacks jdk.incubator.vector, so training runs on the plain scalar loops"
        + " (about 15x slower): " + KernelChoice.HOW_TO_ENABLE);
  }
}
