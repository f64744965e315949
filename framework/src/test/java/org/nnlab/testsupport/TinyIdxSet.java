package org.nnlab.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnlab.io.Sha256;

/**
 * A tiny stand-in for a named dataset's four original IDX files (3 training and 2 test images of
 * 2×2), with the SHA-256 of each file's content, for fetch and import tests.
 */
public final class TinyIdxSet {
  private TinyIdxSet() {}

  /** Base file name → plain IDX content, in the order of a KnownDataset's files. */
  public static Map<String, byte[]> plain() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("train-images-idx3-ubyte", IdxBytes.images(3, 2, 2, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
    m.put("train-labels-idx1-ubyte", IdxBytes.labels(new byte[] {4, 0, 9}));
    m.put("t10k-images-idx3-ubyte", IdxBytes.images(2, 2, 2, new byte[] {(byte) 255, 1, 2, 3, 4, 5, 6, 7}));
    m.put("t10k-labels-idx1-ubyte", IdxBytes.labels(new byte[] {7, 2}));
    return m;
  }

  /** Base file name → SHA-256 hex of its plain content. */
  public static Map<String, String> originals() {
    Map<String, String> m = new LinkedHashMap<>();
    plain().forEach((f, b) -> m.put(f, sha256(b)));
    return m;
  }

  /** Base file name → size in bytes of its plain content. */
  public static Map<String, Long> sizes() {
    Map<String, Long> m = new LinkedHashMap<>();
    plain().forEach((f, b) -> m.put(f, (long) b.length));
    return m;
  }

  public static String sha256(byte[] b) {
    return Sha256.start().update(b).hex();
  }
}
