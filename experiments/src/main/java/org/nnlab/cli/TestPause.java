package org.nnlab.cli;

/**
 * A pause for process-level tests, and for nothing else: when the environment variable
 * {@value #VARIABLE} names a file a command has just written into its staging folder
 * ({@code model.nnlab}, {@code results.json}, {@code report.md}, {@code report.html},
 * {@code trials.csv}, {@code layers.json}), the command prints {@code paused after NAME} on stderr
 * and sleeps until it is killed, so a test can kill it at exactly that point. Users never set it;
 * the library knows nothing of it (the CLI hands {@link #after} to
 * {@link org.nnlab.report.ReportWriter} as its listener).
 */
final class TestPause {
  static final String VARIABLE = "NNLAB_TEST_PAUSE_AFTER";

  private TestPause() {}

  /** Sleeps for ever when {@value #VARIABLE} is {@code file}; returns at once otherwise. */
  static void after(String file) {
    if (!file.equals(System.getenv(VARIABLE))) {
      return;
    }
    System.err.println("paused after " + file + " (" + VARIABLE + ")");
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // keep still: only a signal ends this process
      }
    }
  }
}
