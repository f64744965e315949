package org.nnlab.experiment;

import java.util.Objects;

/**
 * The checks result records make on themselves, so that a {@code results.json} read back holds
 * what a run could have written: an accuracy is a share in [0, 1], times and counts are not
 * negative. NaN passes where a run writes it (a figure not measured, written as {@code null}).
 * Each failure is an {@link IllegalArgumentException} whose message starts with the field.
 */
final class ResultChecks {
  private ResultChecks() {}

  /** {@code value} is NaN (not measured) or a share in [0, 1]. */
  static void share(String field, double value) {
    if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must lie in [0, 1] (or be null), found " + value);
    }
  }

  /** {@code value} is NaN (not measured) or finite and ≥ 0. */
  static void nonNegative(String field, double value) {
    if (!Double.isNaN(value) && !(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(field + " must be ≥ 0 (or null), found " + value);
    }
  }

  /** {@code value} ≥ {@code min}. */
  static void atLeast(String field, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be ≥ " + min + ", found " + value);
    }
  }

  /** {@code value} is present. */
  static <T> T present(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  /** Each element of {@code values} is present. */
  static void nonePresentMissing(String field, java.util.List<?> values) {
    present(field, values);
    for (int i = 0; i < values.size(); i++) {
      if (Objects.isNull(values.get(i))) {
        throw new IllegalArgumentException(field + "[" + i + "] is null");
      }
    }
  }
}
