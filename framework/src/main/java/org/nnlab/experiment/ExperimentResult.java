package org.nnlab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.rules.Finding;

/**
 * The machine-readable outcome of one experiment: what {@code results.json} holds and every report,
 * sweep and script reads. Validated on construction, so one read back from a file holds what a run
 * could have written: a known status, accuracies in [0, 1] (NaN, written {@code null}, only when
 * nothing was measured), no negative times or counts ({@link ResultsJson} reports a failure with
 * the file and field).
 *
 * @param status {@code completed}, {@code diverged} (a NaN stopped training), or {@code failed} (a
 *     rule with severity error stopped it before or during training)
 * @param accuracy share of the test part labelled correctly; NaN when nothing was trained
 * @param trainSeconds training time over all epochs (evaluation excluded)
 * @param wallSeconds wall time spent producing this result; for a run continued from an earlier one
 *     ({@link ExperimentRunner#continueRun}, halving's later rungs), only the continuation's
 * @param samplesTrained training samples seen, over all epochs
 * @param confusion confusion[actual][predicted] on the test part; empty when nothing was evaluated
 * @param config the experiment's canonical YAML
 * @param mistakes the test images the network was surest of and got wrong, surest first (at most
 *     {@link Mistake#GALLERY_SIZE}); empty when nothing was evaluated
 * @param rotatedAccuracy for a run with {@code data.augment.rotate}: angle in degrees ({@code "-10"})
 *     → accuracy on the test part rotated by it; empty otherwise
 * @param validation for a run with {@code data.validation}: the samples held out and the accuracy on
 *     them; null (and absent from {@code results.json}) otherwise
 */
public record ExperimentResult(
    String name,
    String status,
    double accuracy,
    double samplesPerSecond,
    double trainSeconds,
    double wallSeconds,
    long samplesTrained,
    List<EpochStats> epochs,
    List<Finding> findings,
    int[][] confusion,
    Provenance provenance,
    String config,
    List<Mistake> mistakes,
    Map<String, Double> rotatedAccuracy,
    @JsonInclude(JsonInclude.Include.NON_NULL) Validation validation) {

  public static final String COMPLETED = "completed";
  public static final String DIVERGED = "diverged";
  public static final String FAILED = "failed";

  /** Rows of a confusion matrix at most: labels are bytes, so 256 classes. */
  static final int MAX_CLASSES = 256;

  public ExperimentResult {
    ResultChecks.present("name", name);
    if (!List.of(COMPLETED, DIVERGED, FAILED).contains(ResultChecks.present("status", status))) {
      throw new IllegalArgumentException("status must be completed, diverged or failed, found '" + status + "'");
    }
    ResultChecks.share("accuracy", accuracy);
    if (COMPLETED.equals(status) && Double.isNaN(accuracy)) {
      throw new IllegalArgumentException("accuracy is null, but a completed run measured one");
    }
    ResultChecks.nonNegative("samplesPerSecond", samplesPerSecond);
    ResultChecks.nonNegative("trainSeconds", trainSeconds);
    ResultChecks.nonNegative("wallSeconds", wallSeconds);
    ResultChecks.atLeast("samplesTrained", samplesTrained, 0);
    ResultChecks.nonePresentMissing("epochs", epochs);
    ResultChecks.nonePresentMissing("findings", findings);
    epochs = List.copyOf(epochs);
    findings = List.copyOf(findings);
    confusion = confusion == null ? new int[0][] : confusion;
    checkConfusion(confusion);
    mistakes = mistakes == null ? List.of() : List.copyOf(mistakes);
    rotatedAccuracy = rotatedAccuracy == null
        ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rotatedAccuracy));
    rotatedAccuracy.forEach((angle, share) -> ResultChecks.share("rotatedAccuracy." + angle,
        ResultChecks.present("rotatedAccuracy." + angle, share)));
  }

  private static void checkConfusion(int[][] confusion) {
    if (confusion.length > MAX_CLASSES) {
      throw new IllegalArgumentException("confusion has " + confusion.length + " rows; allowed: at most "
          + MAX_CLASSES + " classes");
    }
    for (int i = 0; i < confusion.length; i++) {
      if (confusion[i] == null || confusion[i].length != confusion.length) {
        throw new IllegalArgumentException("confusion[" + i + "] must hold " + confusion.length
            + " counts (one per class), found " + (confusion[i] == null ? "null" : confusion[i].length));
      }
      for (int j = 0; j < confusion[i].length; j++) {
        ResultChecks.atLeast("confusion[" + i + "][" + j + "]", confusion[i][j], 0);
      }
    }
  }

  /** A result without a mistakes gallery or rotated accuracies. */
  public ExperimentResult(
      String name, String status, double accuracy, double samplesPerSecond, double trainSeconds,
      double wallSeconds, long samplesTrained, List<EpochStats> epochs, List<Finding> findings,
      int[][] confusion, Provenance provenance, String config) {
    this(name, status, accuracy, samplesPerSecond, trainSeconds, wallSeconds, samplesTrained, epochs,
        findings, confusion, provenance, config, List.of(), Map.of(), null);
  }

  /** A result without a validation split. */
  public ExperimentResult(
      String name, String status, double accuracy, double samplesPerSecond, double trainSeconds,
      double wallSeconds, long samplesTrained, List<EpochStats> epochs, List<Finding> findings,
      int[][] confusion, Provenance provenance, String config, List<Mistake> mistakes,
      Map<String, Double> rotatedAccuracy) {
    this(name, status, accuracy, samplesPerSecond, trainSeconds, wallSeconds, samplesTrained, epochs,
        findings, confusion, provenance, config, mistakes, rotatedAccuracy, null);
  }

  /** This result with {@code rotatedAccuracy} replaced. */
  public ExperimentResult withRotatedAccuracy(Map<String, Double> rotated) {
    return new ExperimentResult(name, status, accuracy, samplesPerSecond, trainSeconds, wallSeconds,
        samplesTrained, epochs, findings, confusion, provenance, config, mistakes, rotated, validation);
  }

  /** This result with {@code validation} replaced. */
  public ExperimentResult withValidation(Validation replaced) {
    return new ExperimentResult(name, status, accuracy, samplesPerSecond, trainSeconds, wallSeconds,
        samplesTrained, epochs, findings, confusion, provenance, config, mistakes, rotatedAccuracy, replaced);
  }

  /** This result with {@code provenance} replaced (a cluster adds the member that trained it). */
  public ExperimentResult withProvenance(Provenance replaced) {
    return new ExperimentResult(name, status, accuracy, samplesPerSecond, trainSeconds, wallSeconds,
        samplesTrained, epochs, findings, confusion, replaced, config, mistakes, rotatedAccuracy, validation);
  }

  public boolean completed() {
    return COMPLETED.equals(status);
  }

  /**
   * The accuracy to choose by, when a sweep ranks runs: the validation accuracy when the run held
   * training samples out ({@code data.validation}), else the test accuracy (as before such splits).
   * NaN when nothing was measured.
   */
  public double choiceAccuracy() {
    return validation != null ? validation.accuracy() : accuracy;
  }
}
