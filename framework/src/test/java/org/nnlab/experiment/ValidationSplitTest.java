package org.nnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.config.Augment;
import org.nnlab.config.DataConfig;
import org.nnlab.config.DataSource;
import org.nnlab.config.Distort;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.data.DataException;
import org.nnlab.data.DatasetLoader;
import org.nnlab.data.DatasetRange;
import org.nnlab.data.InputScaling;
import org.nnlab.metrics.Evaluation;
import org.nnlab.metrics.MetricsOptions;
import org.nnlab.metrics.TrainingMetrics;
import org.nnlab.rules.RuleBook;
import org.nnlab.testsupport.TinyExperiments;
import org.nnlab.training.EpochResult;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

/** data.validation: the training part's last N samples are held out, measured each epoch, never trained on. */
class ValidationSplitTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private ExperimentRunner runner(DatasetLoader loader) {
    return new ExperimentRunner(loader, RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer(), registry,
        MetricsOptions.KEEP);
  }

  private static ExperimentConfig config(int validation, Double... rotate) {
    ExperimentConfig c = TinyExperiments.config();
    DataConfig d = c.data();
    return c.withData(new DataConfig(d.train(), d.test(), d.inputs(), d.targets(), new Augment(List.of(rotate)))
        .withValidation(validation));
  }

  @Test
  void heldOutTail_isMeasuredAfterEveryEpoch_asEvaluatingItDirectlyGives() {
    List<Double> told = new ArrayList<>();
    ExperimentRun run = runner(TinyExperiments.LOADER).run(config(50), new TrainingListener() {
      @Override
      public void onValidated(EpochResult epoch, double validationAccuracy) {
        told.add(validationAccuracy);
      }
    });
    ExperimentResult r = run.result();
    double direct = Evaluation.of(run.network(), DatasetRange.of(TinyExperiments.TRAIN, 150, 200),
        InputScaling.of(run.config().data().inputs())).accuracy();
    assertThat(r.validation()).isEqualTo(new Validation(50, direct));
    assertThat(r.choiceAccuracy()).isEqualTo(direct);
    assertThat(r.epochs()).extracting(EpochStats::validationAccuracy).containsExactlyElementsOf(told).hasSize(5);
    assertThat(r.epochs().get(4).validationAccuracy()).isEqualTo(direct);
    assertThat(r.samplesTrained()).as("150 of 200 samples per epoch").isEqualTo(5 * 150);
    assertThat(registry.get(TrainingMetrics.VALIDATION_ACCURACY).gauge().value()).isEqualTo(direct);
    assertThat(r.provenance().datasets()).containsEntry(Provenance.VALIDATION, TinyExperiments.TRAIN.sha256() + "[150,200)")
        .containsEntry("train", TinyExperiments.TRAIN.sha256() + "[0,150)");
  }

  @Test
  void heldOutSamples_reachTrainingInNoForm_evenWithRotatedCopies() {
    // the same run on a training part that is only the first 150 samples: bit-identical figures
    DatasetLoader headOnly = source -> source instanceof DataSource.Named n && n.part().equals("train")
        ? DatasetRange.of(TinyExperiments.TRAIN, 0, 150) : TinyExperiments.TEST;
    for (Double[] rotate : List.of(new Double[0], new Double[] {-10.0, 10.0})) {
      ExperimentResult split = runner(TinyExperiments.LOADER).run(config(50, rotate), TrainingListener.NONE).result();
      ExperimentResult head = runner(headOnly).run(config(0, rotate), TrainingListener.NONE).result();
      assertThat(figures(split)).isEqualTo(figures(head));
      assertThat(split.samplesTrained()).isEqualTo(5L * 150 * (1 + rotate.length));
    }
    // and with data.distort's fresh warps of each sample fed
    Distort warp = new Distort(1, 10, 0.1, null, false);
    ExperimentResult split = runner(TinyExperiments.LOADER).run(distorted(config(50), warp), TrainingListener.NONE).result();
    ExperimentResult head = runner(headOnly).run(distorted(config(0), warp), TrainingListener.NONE).result();
    assertThat(figures(split)).isEqualTo(figures(head));
  }

  private static ExperimentConfig distorted(ExperimentConfig c, Distort d) {
    return c.withData(c.data().withDistort(d));
  }

  @Test
  void withoutValidation_nothingIsHeldOut_andNoFigureOrGaugeAppears() {
    ExperimentResult r = runner(TinyExperiments.LOADER).run(config(0), TrainingListener.NONE).result();
    assertThat(r.validation()).isNull();
    assertThat(r.choiceAccuracy()).isEqualTo(r.accuracy());
    assertThat(r.samplesTrained()).isEqualTo(5 * 200);
    assertThat(r.epochs()).allMatch(e -> Double.isNaN(e.validationAccuracy()));
    assertThat(ResultsJson.toJson(r)).doesNotContain("validation");
    assertThat(registry.find(TrainingMetrics.VALIDATION_ACCURACY).gauge()).isNull();
    assertThat(r.provenance().datasets()).doesNotContainKey(Provenance.VALIDATION);
  }

  @Test
  void holdingOutTheWholeTrainingPart_isOneDataLine_beforeTraining() {
    for (int n : new int[] {200, 201}) {
      assertThatThrownBy(() -> runner(TinyExperiments.LOADER).run(config(n), TrainingListener.NONE))
          .isInstanceOf(DataException.class)
          .hasMessage("tiny:train: data.validation holds out " + n + " samples of its 200; allowed: 1 to 199, "
              + "so some are left to train on");
    }
    assertThat(registry.find(TrainingMetrics.SAMPLES).counters()).isEmpty();
  }

  private static String figures(ExperimentResult r) {
    return r.status() + " " + r.accuracy() + " "
        + r.epochs().stream().map(e -> e.accuracy() + "/" + e.loss()).toList();
  }
}
