package org.nnlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.nnlab.cluster.ClusterListener;
import org.nnlab.cluster.ClusterWorker;
import org.nnlab.cluster.testsupport.LoopbackClusters;

/**
 * Clusters for the command-line tests: members embedded in the test JVM ({@link
 * LoopbackClusters}), and {@code nnlab} processes beside it — workers, coordinators.
 */
final class TestClusters {
  private TestClusters() {}

  /** A member in this JVM, one trial thread, joining {@code join} (none: it founds the cluster). */
  static ClusterWorker member(String cluster, List<String> join) {
    return LoopbackClusters.workers().start(LoopbackClusters.options(cluster, join, 1), ClusterListener.NONE);
  }

  /** Starts {@code nnlab ARGS…} in a JVM of its own, its output (both streams) going to {@code log}. */
  static Process nnlab(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dhazelcast.wait.seconds.before.join=0"));
    // this JVM's --add-modules, --add-opens and --add-exports (the build's, for the vector API and Hazelcast)
    List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
    flags.stream().filter(f -> f.startsWith("--add-")).forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.nnlab.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** What {@code log} holds so far ("" before it exists). */
  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits up to {@code seconds} for {@code condition}; false when it did not come. */
  static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Lines of {@code file} so far: the trials a sweep has stored. */
  static int lines(Path file) {
    return (int) read(file).chars().filter(c -> c == '\n').count();
  }
}
