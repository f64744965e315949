package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.nnlab.testsupport.TinyExperiments;

class LocalTrialExecutorTest {
  private final LocalTrialExecutor trials =
      new LocalTrialExecutor(2, SweepFixtures.runners(new SimpleMeterRegistry()), TinyExperiments.LOADER);

  @Test
  void submit_trainsTheTaskHere_andHandsBackTheRunInMemory() throws Exception {
    CompletableFuture<TrialRun> run = trials.submit(TrialTask.of("t#0", TinyExperiments.config()));
    TrialRun done = run.get();
    trials.close();
    assertThat(done.trialId()).isEqualTo("t#0");
    assertThat(done.result().accuracy()).isEqualTo(1.0);
    assertThat(done.inMemory()).hasValueSatisfying(r -> assertThat(r.result()).isSameAs(done.result()));
    assertThat(trials.capacity()).isEqualTo(2);
  }

  @Test
  void afterCancelAllOrClose_noTrialIsTaken_andClosingAgainDoesNothing() {
    trials.cancelAll();
    assertThatThrownBy(() -> trials.submit(TrialTask.of("t#0", TinyExperiments.config())))
        .isInstanceOf(IllegalStateException.class).hasMessage("this executor was stopped; it takes no more trials");
    trials.close();
    trials.close();
  }

  @Test
  void lessThanOneThread_isRefused() {
    trials.close();
    assertThatThrownBy(() -> new LocalTrialExecutor(0, SweepFixtures.runners(new SimpleMeterRegistry()),
        TinyExperiments.LOADER)).isInstanceOf(IllegalArgumentException.class).hasMessage("parallelism must be ≥ 1, found 0");
  }
}
