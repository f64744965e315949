package org.nnlab.sweep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nnlab.config.DataSource;
import org.nnlab.data.Dataset;
import org.nnlab.data.DatasetLoader;

/**
 * A {@link DatasetLoader} that reads each source once and hands every later caller the same
 * (immutable) dataset: a sweep's trials share their data without reading it once per trial.
 * Thread-safe; concurrent first requests for one source wait for a single read.
 */
public final class CachingDatasetLoader implements DatasetLoader {
  private final DatasetLoader delegate;
  private final Map<DataSource, Dataset> cache = new ConcurrentHashMap<>();

  public CachingDatasetLoader(DatasetLoader delegate) {
    this.delegate = delegate;
  }

  @Override
  public Dataset load(DataSource source) {
    return cache.computeIfAbsent(source, delegate::load);
  }
}
