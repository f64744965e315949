package org.nnlab.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a dataset part comes from: {@code NAME:PART} ({@code mnist-sample:train}), or a file
 * format with its paths. Paths are resolved against the config file's folder when loaded.
 */
public sealed interface DataSource {

  /** A named dataset's part, e.g. {@code mnist:test}; see the data package's registry. */
  record Named(String name, String part) implements DataSource {
    public Named {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(part, "part");
    }

    @Override
    public String toString() {
      return name + ":" + part;
    }
  }

  /** A pair of IDX files (plain or gz). */
  record Idx(Path images, Path labels) implements DataSource {
    public Idx {
      Objects.requireNonNull(images, "images");
      Objects.requireNonNull(labels, "labels");
    }
  }

  /** The book's CSV format: {@code label,p1..pN}, pixels 0–255, optional header. */
  record Csv(Path file) implements DataSource {
    public Csv {
      Objects.requireNonNull(file, "file");
    }
  }

  /** A folder with one subfolder of PNG images per label. */
  record Images(Path dir) implements DataSource {
    public Images {
      Objects.requireNonNull(dir, "dir");
    }
  }
}
