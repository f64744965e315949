package org.nnlab.config;

/**
 * Target values: {@code off} for every output node but the label's, {@code on} for it. The default
 * 0.01 / 0.99 lies inside the sigmoid's range; the {@code target-range} rule checks that.
 */
public record Targets(double off, double on) {
  public static final Targets DEFAULT = new Targets(0.01, 0.99);

  public Targets {
    ConfigChecks.finite("data.targets.off", off);
    ConfigChecks.finite("data.targets.on", on);
  }
}
