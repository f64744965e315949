package org.nnlab.experiment;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.network.Network;

/**
 * Where a result came from, enough to run it again: the config's hash, each dataset's SHA-256, the
 * seed, and the versions of nnlab, Java and the OS, plus the git commit when run inside a checkout.
 *
 * @param datasets part ("train", "test") → {@code sha256:<hex>}; a run that started from
 *     {@code network.weights} also has "weights" → {@link #sha256(Network)} of those weights
 * @param gitCommit the checkout's HEAD commit, or empty outside a git checkout
 */
public record Provenance(
    String configHash,
    Map<String, String> datasets,
    long seed,
    String nnlab,
    String java,
    String os,
    String gitCommit) {
  public Provenance {
    datasets = Collections.unmodifiableMap(new TreeMap<>(ResultChecks.present("provenance.datasets", datasets)));
    gitCommit = gitCommit == null ? "" : gitCommit;
  }

  /** The key of {@link #datasets} under which starting weights are recorded. */
  public static final String WEIGHTS = "weights";

  /**
   * {@code sha256:<hex>} of a network's weights, by content (as datasets are hashed): SHA-256 over
   * the number of layers and each layer's size (big-endian int32), then W1, W2, … each row-major as
   * float64 little-endian. So the same weights give the same hash whatever file they came from, and
   * in NumPy it is {@code sha256(np.array([len(s), *s], '>i4').tobytes() + b''.join(np.ascontiguousarray(W, '<f8').tobytes() for W in Ws))}.
   */
  public static String sha256(Network network) {
    int[] sizes = network.layerSizes();
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer header = ByteBuffer.allocate(4 * (sizes.length + 1)).putInt(sizes.length);
      for (int size : sizes) {
        header.putInt(size);
      }
      md.update(header.array());
      for (int k = 0; k < network.weightLayers(); k++) {
        double[] w = network.weights(k);
        ByteBuffer bytes = ByteBuffer.allocate(8 * w.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(w);
        md.update(bytes.array());
      }
      return "sha256:" + HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /** Provenance for this JVM and working directory. */
  public static Provenance here(String configHash, Map<String, String> datasets, long seed) {
    return new Provenance(
        configHash,
        datasets,
        seed,
        Versions.nnlab(),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        Versions.gitCommit(Path.of("").toAbsolutePath()));
  }
}
