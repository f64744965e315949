package org.nnlab.cli;

import java.util.List;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.TrialResult;
import org.nnlab.training.TrainingListener;

/**
 * What a running command tells its live page: {@link #NONE} unless {@code --serve} was given (then
 * {@link LiveServe} makes one). An interface of framework types only, so that a command without
 * {@code --serve} never loads the HTTP server's classes.
 */
interface LiveView extends SweepListener, TrainingListener, AutoCloseable {
  LiveView NONE = new LiveView() {};

  /** A resumed sweep's trials stored before this process started. */
  default void resumed(List<TrialResult> stored) {}

  /** The run ended with {@code result} and its report is written. */
  default void finished(ExperimentResult result) {}

  /**
   * The command has ended with {@code exitCode} and its files are in place: with {@code
   * --keep-serving}, sends the final state to open pages and serves it until Ctrl-C (then exits
   * with {@code exitCode}) or an interrupt (then returns); otherwise returns at once.
   */
  default void linger(int exitCode) {}

  /** Sends the final state to open pages, flushed, and stops serving. Calling it again does nothing. */
  @Override
  default void close() {}
}
