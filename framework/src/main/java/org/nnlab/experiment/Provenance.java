package org.nnlab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.io.Sha256;
import org.nnlab.network.EngineInfo;
import org.nnlab.network.Network;

/**
 * Where a result came from, enough to run it again: the config's hash, each dataset's SHA-256, the
 * seed, and the versions of nnlab, Java and the OS, plus the git commit when run inside a checkout,
 * the training engine that ran and, for a trial trained on a cluster, the member that trained it.
 *
 * @param datasets part ("train", "test") → {@code sha256:<hex>}; a run that started from
 *     {@code network.weights} also has "weights" → {@link #sha256(Network)} of those weights
 * @param gitCommit the checkout's HEAD commit, or empty outside a git checkout
 * @param engine the engine, precision and kernels that trained; null where nothing trained (imported
 *     weights) and in results written before nnlab recorded it, and then left out of the JSON
 * @param member the cluster member ({@code host:port}) that trained this result; empty for a run
 *     in this JVM, and then left out of the JSON, so a local run's record is as it was
 */
public record Provenance(
    String configHash,
    Map<String, String> datasets,
    long seed,
    String nnlab,
    String java,
    String os,
    String gitCommit,
    @JsonInclude(JsonInclude.Include.NON_NULL) EngineInfo engine,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String member) {
  public Provenance {
    datasets = Collections.unmodifiableMap(new TreeMap<>(ResultChecks.present("provenance.datasets", datasets)));
    gitCommit = gitCommit == null ? "" : gitCommit;
    member = member == null ? "" : member;
  }

  /** Provenance of a run in this JVM (no cluster member). */
  public Provenance(
      String configHash, Map<String, String> datasets, long seed, String nnlab, String java, String os,
      String gitCommit, EngineInfo engine) {
    this(configHash, datasets, seed, nnlab, java, os, gitCommit, engine, "");
  }

  /** Provenance of weights no engine trained here. */
  public Provenance(
      String configHash, Map<String, String> datasets, long seed, String nnlab, String java, String os,
      String gitCommit) {
    this(configHash, datasets, seed, nnlab, java, os, gitCommit, null);
  }

  /** This provenance, recording that cluster member {@code member} ({@code host:port}) trained the run. */
  public Provenance withMember(String member) {
    return new Provenance(configHash, datasets, seed, nnlab, java, os, gitCommit, engine, member);
  }

  /** The version of nnlab running in this JVM: what {@link #here} records as {@link #nnlab()}. */
  public static String nnlabVersion() {
    return Versions.nnlab();
  }

  /** The key of {@link #datasets} under which starting weights are recorded. */
  public static final String WEIGHTS = "weights";
  /** The key of {@link #datasets} under which the held-out training samples ({@code data.validation}) are. */
  public static final String VALIDATION = "validation";

  /**
   * {@code sha256:<hex>} of a network's weights, by content (as datasets are hashed): SHA-256 over
   * the number of layers and each layer's size (big-endian int32), then W1, W2, … each row-major as
   * float64 little-endian. So the same weights give the same hash whatever file they came from, and
   * in NumPy it is {@code sha256(np.array([len(s), *s], '>i4').tobytes() + b''.join(np.ascontiguousarray(W, '<f8').tobytes() for W in Ws))}.
   */
  public static String sha256(Network network) {
    int[] sizes = network.layerSizes();
    ByteBuffer header = ByteBuffer.allocate(4 * (sizes.length + 1)).putInt(sizes.length);
    for (int size : sizes) {
      header.putInt(size);
    }
    Sha256 hash = Sha256.start().update(header.array());
    for (int k = 0; k < network.weightLayers(); k++) {
      double[] w = network.weights(k);
      ByteBuffer bytes = ByteBuffer.allocate(8 * w.length).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asDoubleBuffer().put(w);
      hash.update(bytes.array());
    }
    return hash.prefixed();
  }

  /** Provenance for this JVM and working directory, of weights no engine trained here. */
  public static Provenance here(String configHash, Map<String, String> datasets, long seed) {
    return here(configHash, datasets, seed, null);
  }

  /** Provenance for this JVM and working directory, of weights {@code engine} trained. */
  public static Provenance here(String configHash, Map<String, String> datasets, long seed, EngineInfo engine) {
    return new Provenance(
        configHash,
        datasets,
        seed,
        Versions.nnlab(),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        Versions.gitCommit(Path.of("").toAbsolutePath()),
        engine);
  }
}
