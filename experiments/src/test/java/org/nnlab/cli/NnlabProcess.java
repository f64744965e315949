package org.nnlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The command line in a JVM of its own, for tests that kill it, interrupt it or race two of them:
 * its output goes to a log file the test reads back.
 */
record NnlabProcess(Process process, Path log) {
  static final long TIMEOUT_SECONDS = 120;

  /** Starts {@code nnlab ARGS} in {@code workDir} with extra environment variables. */
  static NnlabProcess start(Path workDir, Path log, Map<String, String> env, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] command = new String[args.length + 4];
    command[0] = java;
    command[1] = "-cp";
    command[2] = System.getProperty("java.class.path");
    command[3] = "org.nnlab.cli.Main";
    System.arraycopy(args, 0, command, 4, args.length);
    ProcessBuilder b = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().putAll(env);
    return new NnlabProcess(b.start(), log);
  }

  long pid() {
    return process.pid();
  }

  /** What it printed so far. */
  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Waits until {@code condition} holds while the process still runs; false if it ended first. */
  boolean awaitWhileAlive(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Waits until it prints "paused after NAME" ({@link TestPause}). */
  boolean awaitPause() throws InterruptedException {
    return awaitWhileAlive(() -> {
      try {
        return output().contains("paused after ");
      } catch (IOException e) {
        return false;
      }
    });
  }

  /** SIGKILL: no shutdown hooks, no flushing. */
  void killNine() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * "INT" (Ctrl-C), or "TERM" where this JVM was started with SIGINT ignored — as everything a
   * non-interactive shell runs in the background ({@code cmd &}, nohup) is — since its children
   * inherit that and a JVM never handles a shutdown signal that was ignored when it started. Both
   * end the JVM through the same shutdown hooks.
   */
  static String interrupt() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        long ignored = Long.parseLong(line.substring("SigIgn:".length()).trim(), 16);
        return (ignored & (1L << 1)) != 0 ? "TERM" : "INT"; // bit 1: signal 2, SIGINT
      }
    }
    return "INT";
  }

  /** Sends {@code signal} ("INT", "TERM") and waits for the exit code. */
  int signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-s", signal, Long.toString(pid())).inheritIO().start().waitFor();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running 30 s after SIG" + signal + ": " + output());
    }
    return process.exitValue();
  }

  /** Waits for the exit code. */
  int exit() throws InterruptedException, IOException {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + TIMEOUT_SECONDS + " s: " + output());
    }
    return process.exitValue();
  }
}
