package org.nnlab.config;

/**
 * The interval pixels are scaled into: x = min + pixel/255 · (max − min). The default, 0.01–1.0,
 * is the book's: the 0.01 floor keeps a dark pixel from zeroing its weight's update.
 *
 * <p>Any finite numbers are accepted here; whether they are sensible is the {@code input-range}
 * rule's call, so that a wrong config is reported as a finding, not refused unread.
 */
public record InputRange(double min, double max) {
  public static final InputRange DEFAULT = new InputRange(0.01, 1.0);

  public InputRange {
    ConfigChecks.finite("data.inputs.min", min);
    ConfigChecks.finite("data.inputs.max", max);
  }
}
