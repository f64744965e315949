package org.nnlab.data;

/**
 * Told how a download or import is going, e.g. to draw a progress bar. Called often (every 64 KiB):
 * keep it cheap.
 */
@FunctionalInterface
public interface FetchProgress {
  /** Nothing is shown. */
  FetchProgress NONE = (file, done, total) -> {};

  /**
   * @param file the file being written, e.g. {@code train-images-idx3-ubyte.gz}
   * @param done bytes received so far
   * @param total bytes expected, or −1 when the server does not say
   */
  void update(String file, long done, long total);
}
