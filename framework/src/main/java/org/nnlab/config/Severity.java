package org.nnlab.config;

import java.util.Locale;

/**
 * How much a rule's finding matters: {@code error} stops before or while training, {@code warn} is
 * reported, {@code off} does not run the rule. Lives with the config because a config's
 * {@code rules:} map overrides it.
 */
public enum Severity {
  OFF,
  WARN,
  ERROR;

  /** The YAML spelling. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the YAML spelling ({@code error}, {@code warn}, {@code off}). */
  public static Severity byId(String id) {
    for (Severity s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + id + "'; allowed: error, warn, off");
  }

  /** The milder of the two. */
  public Severity atMost(Severity other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
