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
  protected Map<String, Object> model() {
    List<EpochStats> so;
    ExperimentResult r;
    boolean ended;
    synchronized (this) {
      so = List.copyOf(epochs);
      r = result;
      ended = finished();
    }
    Map<String, Object> m = r != null ? ReportModel.run(r, dir) : ReportModel.running(name, so, config);
    EpochStats last = so.isEmpty() ? null : so.get(so.size() - 1);
    TrialRow row = new TrialRow(name, 1, Map.of(), 0, seed, r != null ? r.status() : TrialRow.RUNNING, epochsPlanned,
        r != null ? r.accuracy() : last != null ? last.accuracy() : Double.NaN,
        r != null ? r.samplesPerSecond() : last != null ? last.samplesPerSecond() : 0, "", so);
    m.put("trials", List.of(ReportModel.trialRow(row)));
    m.put("live", ended ? "the run has ended" : "epoch " + so.size() + " of " + epochsPlanned);
    return m;
  }
}
