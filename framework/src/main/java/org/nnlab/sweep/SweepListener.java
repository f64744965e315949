package org.nnlab.sweep;

/** Hears a sweep's progress: for a progress bar or log lines. Called from the thread that runs the sweep, once a trial is stored. */
public interface SweepListener {
  SweepListener NONE = new SweepListener() {};

  /** The sweep knows (or, for halving, has revised) how many trials it will run in all; {@code done} are stored. */
  default void onPlanned(int total, int done) {}

  /** A trial finished and was stored. */
  default void onTrial(TrialResult result, int done, int total) {}
}
