package org.nnlab.sweep;

import java.util.Objects;
import java.util.Optional;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRun;

/**
 * A trial that has trained, as its {@link TrialExecutor} hands it back: its result, and the run
 * itself (network, data) when it trained in this JVM, for halving to continue.
 *
 * @param inMemory the run, when it trained here; empty when it trained elsewhere
 */
public record TrialRun(String trialId, ExperimentResult result, Optional<ExperimentRun> inMemory) {
  public TrialRun {
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(inMemory, "inMemory");
  }

  /** A run that trained in this JVM. */
  public static TrialRun local(String trialId, ExperimentRun run) {
    return new TrialRun(trialId, run.result(), Optional.of(run));
  }

  /** A result that came from elsewhere: only its figures. */
  public static TrialRun remote(String trialId, ExperimentResult result) {
    return new TrialRun(trialId, result, Optional.empty());
  }
}
