package org.nnlab.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.report.ReportModel;
import org.nnlab.report.TrialRow;

/**
 * One run as it trains, for its live page: its epochs so far, then its result. Like
 * {@link LiveSweep}, events only record; the model is built when a page asks. Thread-safe.
 *
 * <pre>{@code
 * LiveRun live = new LiveRun(config.name(), config.seed(), config.training().epochs(), yaml, dir);
 * live.epoch(stats);  …  live.finished(result);
 * }</pre>
 */
public final class LiveRun extends PageSource {
  private final String name;
  private final long seed;
  private final int epochsPlanned;
  private final String config;
  private final Path dir;
  private final List<EpochStats> epochs = new ArrayList<>();
  private ExperimentResult result;

  /** The live state of run {@code name} with {@code seed}, {@code epochsPlanned} epochs of {@code config} (YAML), reporting into {@code dir}. */
  public LiveRun(String name, long seed, int epochsPlanned, String config, Path dir) {
    this.name = name;
    this.seed = seed;
    this.epochsPlanned = epochsPlanned;
    this.config = config;
    this.dir = dir;
  }

  @Override
  public String name() {
    return name;
  }

  /** An epoch ended and was evaluated. */
  public synchronized void epoch(EpochStats e) {
    epochs.add(e);
    changed();
  }

  /** The run ended with {@code r}; its report files are written. */
  public synchronized void finished(ExperimentResult r) {
    result = r;
    end();
  }

  @Override
  protected synchronized Map<String, Object> model() {
    Map<String, Object> m = result != null ? ReportModel.run(result, dir) : ReportModel.running(name, epochs, config);
    double acc = epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).accuracy();
    double sps = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).samplesPerSecond();
    TrialRow row = new TrialRow(name, 1, Map.of(), 0, seed, result != null ? result.status() : TrialRow.RUNNING,
        epochsPlanned, result != null ? result.accuracy() : acc, result != null ? result.samplesPerSecond() : sps,
        "", epochs);
    m.put("trials", List.of(ReportModel.trialRow(row)));
    m.put("live", finished() ? "the run has ended" : "epoch " + epochs.size() + " of " + epochsPlanned);
    return m;
  }
}
