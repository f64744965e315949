package org.nnlab.data;

import java.util.Objects;

/**
 * Samples {@code [from, to)} of another dataset, as a view: how {@code data.validation} splits the
 * training part into the samples trained on and the samples held out ({@link Datasets#heldOut}).
 *
 * <pre>{@code
 * Dataset head = DatasetRange.of(train, 0, 9_000);        // trained on
 * Dataset tail = DatasetRange.of(train, 9_000, 10_000);   // held out
 * }</pre>
 *
 * <p>Nothing is copied; {@link #sha256} is the base's hash with the range appended, so the record
 * names exactly which samples were used. Immutable and thread-safe when the base is.
 */
public final class DatasetRange implements Dataset {
  private final Dataset base;
  private final int from;
  private final int size;

  private DatasetRange(Dataset base, int from, int to) {
    this.base = Objects.requireNonNull(base, "base");
    Objects.checkFromToIndex(from, to, base.size());
    this.from = from;
    this.size = to - from;
  }

  /** Samples {@code [from, to)} of {@code base}; {@code base} itself when that is all of it. */
  public static Dataset of(Dataset base, int from, int to) {
    return from == 0 && to == base.size() ? base : new DatasetRange(base, from, to);
  }

  @Override
  public String name() {
    return base.name() + "[" + from + ", " + (from + size) + ")";
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int rows() {
    return base.rows();
  }

  @Override
  public int cols() {
    return base.cols();
  }

  @Override
  public int classes() {
    return base.classes();
  }

  @Override
  public int label(int i) {
    return base.label(index(i));
  }

  @Override
  public int pixel(int i, int j) {
    return base.pixel(index(i), j);
  }

  @Override
  public void scaledInputs(int i, InputScaling scaling, double[] out) {
    base.scaledInputs(index(i), scaling, out);
  }

  @Override
  public String sha256() {
    return base.sha256() + "[" + from + "," + (from + size) + ")";
  }

  private int index(int i) {
    return from + Objects.checkIndex(i, size);
  }
}
