package org.nnlab.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The YAML spelling of the package's enum constants (the name in lower case), and the way back. */
final class Ids {
  private Ids() {}

  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} spelled {@code id}; else "unknown WHAT 'id'; allowed: a, b". */
  static <E extends Enum<E>> E byId(Class<E> type, String id, String what) {
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(id)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + id + "'; allowed: "
        + Arrays.stream(type.getEnumConstants()).map(Ids::of).collect(Collectors.joining(", ")));
  }
}
