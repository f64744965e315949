package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.metrics.TrainingMetrics;

/** A host's registry sees every trial of a sweep, each under its own {@code trial} tag. */
class SweepMetricsTest {

  @Test
  void sweep_recordsEveryTrialInTheHostRegistry_taggedByTrial(@TempDir Path dir) throws Exception {
    SimpleMeterRegistry host = new SimpleMeterRegistry();
    SweepRunner runner = new SweepRunner(new SweepFixtures.CountingLoader(), SweepFixtures.runners(host));
    SweepPlan plan = SweepFixtures.plan("sweep:\n  repeats: 2\n  parameters:\n    training.learningRate: [0.1, 0.3]\n");
    List<TrialResult> results;
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      results = runner.run(plan, store, 2, SweepListener.NONE);
    }
    assertThat(results).hasSize(4);
    System.gc(); // a finished trial's gauges must outlive the run that set them
    for (TrialResult t : results) {
      double samples = host.get(TrainingMetrics.SAMPLES).tag("trial", t.trial()).counter().count();
      assertThat(samples).isEqualTo(t.result().samplesTrained());
      assertThat(host.get(TrainingMetrics.ACCURACY).tag("trial", t.trial()).gauge().value())
          .isEqualTo(t.result().accuracy());
    }
  }
}
