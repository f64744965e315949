package org.nnlab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.function.Consumer;
import org.nnlab.io.Json;
import org.nnlab.training.EpochResult;
import org.nnlab.training.TrainingListener;

/**
 * One epoch as reported: test accuracy measured after it, mean training loss, training time and
 * throughput, and accuracy on the held-out training samples when the config holds some out
 * ({@code data.validation}; NaN, and left out of {@code results.json}, otherwise).
 */
public record EpochStats(
    int epoch, double accuracy, double loss, double seconds, double samplesPerSecond,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Json.NotMeasured.class)
    double validationAccuracy) {
  public EpochStats {
    ResultChecks.atLeast("epoch", epoch, 1);
    ResultChecks.share("accuracy", accuracy);
    ResultChecks.nonNegative("seconds", seconds);
    ResultChecks.nonNegative("samplesPerSecond", samplesPerSecond);
    ResultChecks.share("validationAccuracy", validationAccuracy);
    // loss: a diverged epoch's is NaN or infinite, written null; a real one is ≥ 0
    if (loss < 0) {
      throw new IllegalArgumentException("loss must be ≥ 0 (or null), found " + loss);
    }
  }

  /** An epoch of a run that holds no samples out. */
  public EpochStats(int epoch, double accuracy, double loss, double seconds, double samplesPerSecond) {
    this(epoch, accuracy, loss, seconds, samplesPerSecond, Double.NaN);
  }

  /** What {@code epoch} did, with the test accuracy measured after it. */
  public static EpochStats of(EpochResult epoch, double accuracy) {
    return of(epoch, accuracy, Double.NaN);
  }

  /** What {@code epoch} did, with the test and (NaN for none) validation accuracy measured after it. */
  public static EpochStats of(EpochResult epoch, double accuracy, double validationAccuracy) {
    return new EpochStats(epoch.epoch(), accuracy, epoch.loss(), epoch.seconds(), epoch.samplesPerSecond(),
        validationAccuracy);
  }

  /**
   * A listener that hands {@code sink} each epoch's figures once its test accuracy is known, with
   * the validation accuracy told just before it ({@link TrainingListener#onValidated}, same thread):
   * for live views. One per run; not thread-safe.
   */
  public static TrainingListener listener(Consumer<EpochStats> sink) {
    return new TrainingListener() {
      private double validation = Double.NaN;

      @Override
      public void onValidated(EpochResult epoch, double validationAccuracy) {
        validation = validationAccuracy;
      }

      @Override
      public void onEvaluated(EpochResult epoch, double testAccuracy) {
        sink.accept(of(epoch, testAccuracy, validation));
      }
    };
  }
}
