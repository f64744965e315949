package org.nnlab.network;

/**
 * Which inner loops the training engine may run, the config's {@code network.kernels}:
 *
 * <ul>
 *   <li>{@link #AUTO} (the default): vector loops when the JVM was started with {@code --add-modules
 *       jdk.incubator.vector} (the {@code ./nnlab} launcher does), else the plain loops, ~15×
 *       slower, with a warning ({@link EngineInfo#warning()}).
 *   <li>{@link #VECTOR}: the vector loops, or an error when the JVM lacks the module.
 *   <li>{@link #SCALAR}: the plain loops, on any JVM.
 * </ul>
 *
 * <p>Vector and plain loops group their sums differently, so their weights agree to ~1e-12, not bit
 * for bit; each is deterministic.
 */
public enum KernelChoice {
  AUTO,
  VECTOR,
  SCALAR;

  /** How to give a JVM the vector module, for messages. */
  static final String HOW_TO_ENABLE =
      "start java with --add-modules jdk.incubator.vector (the ./nnlab launcher does)";

  /** The YAML spelling, the name in lower case. */
  public String id() {
    return Ids.of(this);
  }

  /** Parses the YAML spelling. */
  public static KernelChoice byId(String id) {
    return Ids.byId(KernelChoice.class, id, "kernels");
  }

  /** True when this JVM has {@code jdk.incubator.vector}. */
  static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }
}
