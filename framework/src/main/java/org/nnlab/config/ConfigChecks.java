package org.nnlab.config;

/** The few checks records make on themselves; the loader adds file positions to the message. */
final class ConfigChecks {
  private ConfigChecks() {}

  static void finite(String key, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(key + " must be a finite number, found " + value);
    }
  }
}
