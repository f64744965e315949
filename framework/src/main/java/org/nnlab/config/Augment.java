package org.nnlab.config;

import java.util.List;

/**
 * Extra training samples made from the training images. {@code rotate: [-10, 10]} adds one copy of
 * every image per angle, in degrees, as the book's part 3 does. Empty: no augmentation.
 */
public record Augment(List<Double> rotate) {
  public static final Augment NONE = new Augment(List.of());
  /** The most angles: each one adds a pass over the training images to every epoch. */
  public static final int MAX_ANGLES = 360;

  public Augment {
    rotate = List.copyOf(rotate);
    if (rotate.size() > MAX_ANGLES) {
      throw new IllegalArgumentException("data.augment.rotate may list at most " + MAX_ANGLES
          + " angles, found " + rotate.size());
    }
    for (int i = 0; i < rotate.size(); i++) {
      double a = rotate.get(i);
      if (!Double.isFinite(a) || a < -180 || a > 180) {
        throw new IllegalArgumentException(
            "data.augment.rotate[" + i + "] must lie in [-180, 180] degrees, found " + a);
      }
    }
  }

  public boolean isNone() {
    return rotate.isEmpty();
  }
}
