package org.nnlab.experiment;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a result came from, enough to run it again: the config's hash, each dataset's SHA-256, the
 * seed, and the versions of nnlab, Java and the OS, plus the git commit when run inside a checkout.
 *
 * @param datasets part ("train", "test") → {@code sha256:<hex>}
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
    datasets = Collections.unmodifiableMap(new TreeMap<>(datasets));
    gitCommit = gitCommit == null ? "" : gitCommit;
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
