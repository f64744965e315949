package org.nnlab.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.rules.Finding;

/**
 * The machine-readable outcome of one experiment: what {@code results.json} holds and every report,
 * sweep and script reads.
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
    Map<String, Double> rotatedAccuracy) {

  public static final String COMPLETED = "completed";
  public static final String DIVERGED = "diverged";
  public static final String FAILED = "failed";

  public ExperimentResult {
    epochs = List.copyOf(epochs);
    findings = List.copyOf(findings);
    confusion = confusion == null ? new int[0][] : confusion;
    mistakes = mistakes == null ? List.of() : List.copyOf(mistakes);
    rotatedAccuracy = rotatedAccuracy == null
        ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rotatedAccuracy));
  }

  /** A result without a mistakes gallery or rotated accuracies. */
  public ExperimentResult(
      String name, String status, double accuracy, double samplesPerSecond, double trainSeconds,
      double wallSeconds, long samplesTrained, List<EpochStats> epochs, List<Finding> findings,
      int[][] confusion, Provenance provenance, String config) {
    this(name, status, accuracy, samplesPerSecond, trainSeconds, wallSeconds, samplesTrained, epochs,
        findings, confusion, provenance, config, List.of(), Map.of());
  }

  /** This result with {@code rotatedAccuracy} replaced. */
  public ExperimentResult withRotatedAccuracy(Map<String, Double> rotated) {
    return new ExperimentResult(name, status, accuracy, samplesPerSecond, trainSeconds, wallSeconds,
        samplesTrained, epochs, findings, confusion, provenance, config, mistakes, rotated);
  }

  /** This result with {@code provenance} replaced (a cluster adds the member that trained it). */
  public ExperimentResult withProvenance(Provenance replaced) {
    return new ExperimentResult(name, status, accuracy, samplesPerSecond, trainSeconds, wallSeconds,
        samplesTrained, epochs, findings, confusion, replaced, config, mistakes, rotatedAccuracy);
  }

  public boolean completed() {
    return COMPLETED.equals(status);
  }
}
