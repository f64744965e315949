package org.nnlab.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nnlab.config.DataSource;
import org.nnlab.data.DatasetLoader;

/**
 * The coordinator's side of the data check: the SHA-256 of each data source as the coordinator
 * reads it, worked out once per source and sent with every job, so that a member holding other
 * files refuses the trial instead of training on them. Thread-safe.
 */
final class ClusterDatasets {
  private final DatasetLoader loader;
  private final Map<DataSource, String> hashes = new ConcurrentHashMap<>();

  ClusterDatasets(DatasetLoader loader) {
    this.loader = loader;
  }

  /** {@code sha256:<hex>} of {@code source}'s samples and labels, as this JVM reads them. */
  String sha256(DataSource source) {
    return hashes.computeIfAbsent(source, s -> loader.load(s).sha256());
  }

  /** How a message names {@code source}: {@code mnist:train}, or its file or folder. */
  static String describe(DataSource source) {
    if (source instanceof DataSource.Idx idx) {
      return idx.images().toString();
    } else if (source instanceof DataSource.Csv csv) {
      return csv.file().toString();
    } else if (source instanceof DataSource.Images images) {
      return images.dir().toString();
    }
    return source.toString();
  }
}
