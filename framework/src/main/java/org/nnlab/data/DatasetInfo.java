package org.nnlab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@code nnlab data info} prints about one dataset: counts, shape, label histogram, SHA-256.
 *
 * <pre>{@code
 * System.out.print(DatasetInfo.of(dataset).format());
 * }</pre>
 *
 * @param histogram samples per label, index = label, length = classes
 */
public record DatasetInfo(String name, int size, int rows, int cols, int classes, int[] histogram, String sha256) {
  public DatasetInfo {
    Objects.requireNonNull(name, "name");
    histogram = histogram.clone();
  }

  /** Counts the labels of {@code d} and takes its hash (reads every sample once). */
  public static DatasetInfo of(Dataset d) {
    int[] h = new int[d.classes()];
    for (int i = 0; i < d.size(); i++) {
      h[d.label(i)]++;
    }
    return new DatasetInfo(d.name(), d.size(), d.rows(), d.cols(), d.classes(), h, d.sha256());
  }

  @Override
  public int[] histogram() {
    return histogram.clone();
  }

  /** A few lines of text, e.g. {@code samples: 10000}, ending with a newline. */
  public String format() {
    StringBuilder s = new StringBuilder();
    s.append(name).append('\n');
    s.append("  samples: ").append(size).append('\n');
    s.append("  shape:   ").append(rows).append('×').append(cols).append(" = ").append(rows * cols)
        .append(" inputs\n");
    s.append("  classes: ").append(classes).append('\n');
    s.append("  labels: ");
    for (int label = 0; label < histogram.length; label++) {
      s.append(' ').append(label).append(':').append(histogram[label]);
    }
    s.append('\n');
    s.append("  sha256:  ").append(sha256).append('\n');
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatasetInfo i && name.equals(i.name) && size == i.size && rows == i.rows
        && cols == i.cols && classes == i.classes && Arrays.equals(histogram, i.histogram)
        && sha256.equals(i.sha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, size, sha256);
  }

  @Override
  public String toString() {
    return format();
  }
}
