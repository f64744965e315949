package org.nnlab.data;

import java.util.Arrays;
import org.nnlab.config.Targets;

/**
 * Turns a label into the target vector: {@code off} everywhere, {@code on} at the label. The book's
 * 0.01 / 0.99 keeps targets inside the sigmoid's range, which never reaches 0 or 1.
 */
public final class TargetEncoding {
  private final double off;
  private final double on;

  public TargetEncoding(double off, double on) {
    this.off = off;
    this.on = on;
  }

  public static TargetEncoding of(Targets targets) {
    return new TargetEncoding(targets.off(), targets.on());
  }

  /** Fills {@code out} with the targets for {@code label}. */
  public void encode(int label, double[] out) {
    Arrays.fill(out, off);
    out[label] = on;
  }

  public double off() {
    return off;
  }

  public double on() {
    return on;
  }
}
