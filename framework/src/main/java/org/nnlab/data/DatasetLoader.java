package org.nnlab.data;

import org.nnlab.config.DataSource;

/**
 * Loads the dataset a {@link DataSource} names. The default implementation knows the named
 * datasets (bundled {@code mnist-sample}, {@code mnist}, {@code fashion-mnist}) and the file
 * formats; a host program may bind its own through Guice. Called from several threads at once (a
 * sweep's trials; a run reads its test set beside its training set), so an implementation must
 * be thread-safe.
 */
public interface DatasetLoader {

  /**
   * Loads {@code source}.
   *
   * @throws DataException when the data is missing or malformed
   */
  Dataset load(DataSource source);
}
