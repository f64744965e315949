package org.nnlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where named datasets live on disk: folders searched in order, each holding one subfolder per
 * dataset ({@code fashion-mnist/t10k-images-idx3-ubyte.gz}); {@code dataDir} is the one nnlab
 * writes to.
 *
 * <pre>{@code
 * DataLocations.standard();   // system folder /usr/share/datasets, then $NNLAB_DATA or ~/.nnlab/data
 * }</pre>
 *
 * @param dataDir where {@code fetch} and {@code import} put datasets
 * @param systemDirs read-only folders searched before it, e.g. Debian's {@code /usr/share/datasets}
 */
public record DataLocations(Path dataDir, List<Path> systemDirs) {
  /** The environment variable naming the data directory. */
  public static final String ENV = "NNLAB_DATA";
  /** Where Debian's {@code dataset-*} packages install, e.g. {@code dataset-fashion-mnist}. */
  public static final Path DEBIAN_DATASETS = Path.of("/usr/share/datasets");

  public DataLocations {
    Objects.requireNonNull(dataDir, "dataDir");
    systemDirs = List.copyOf(systemDirs);
  }

  /** {@code $NNLAB_DATA} or {@code ~/.nnlab/data}, after {@link #DEBIAN_DATASETS}. */
  public static DataLocations standard() {
    return new DataLocations(dataDir(System.getenv(), System.getProperty("user.home")), List.of(DEBIAN_DATASETS));
  }

  /** The given data directory after {@link #DEBIAN_DATASETS}. */
  public static DataLocations of(Path dataDir) {
    return new DataLocations(dataDir, List.of(DEBIAN_DATASETS));
  }

  /** The data directory named by {@code env}'s {@value #ENV}, else {@code HOME/.nnlab/data}. */
  static Path dataDir(Map<String, String> env, String home) {
    String dir = env.get(ENV);
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir).toAbsolutePath();
    }
    return Path.of(home, ".nnlab", "data");
  }

  /** Every folder searched for {@code dataset}, in order: system folders first, then the data directory. */
  public List<Path> searched(KnownDataset dataset) {
    List<Path> dirs = new ArrayList<>();
    for (Path root : systemDirs) {
      dirs.add(root.resolve(dataset.id()));
    }
    dirs.add(dataDir.resolve(dataset.id()));
    return dirs;
  }

  /** The folder where {@code dataset}'s four files all are, plain or {@code .gz}, if any. */
  public Optional<Path> find(KnownDataset dataset) {
    return searched(dataset).stream()
        .filter(dir -> dataset.files().stream().allMatch(f -> file(dir, f).isPresent()))
        .findFirst();
  }

  /** {@code dir/base} or {@code dir/base.gz}, whichever exists (plain first). */
  public static Optional<Path> file(Path dir, String base) {
    for (String name : List.of(base, base + ".gz")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
