package org.nnlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nnlab.network.Network;
import org.nnlab.training.EpochResult;
import org.nnlab.training.TrainingListener;

/**
 * Shows training progress: a progress bar (the {@code progressbar} library) on a terminal, one
 * plain line per epoch otherwise (logs, CI, pipes).
 */
final class Progress implements TrainingListener, AutoCloseable {
  private final PrintWriter out;
  private final ProgressBar bar;
  // the epoch's accuracies, told before onEpoch; shown when the run holds samples out (data.validation)
  private double validation = Double.NaN;
  private double test = Double.NaN;

  private Progress(PrintWriter out, ProgressBar bar) {
    this.out = out;
    this.bar = bar;
  }

  static Progress forTraining(String name, PrintWriter out) {
    if (System.console() == null) {
      return new Progress(out, null);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(name)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" samples", 1)
        .showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
    return new Progress(out, bar);
  }

  @Override
  public void onProgress(int epoch, long done, long total) {
    if (bar != null) {
      bar.maxHint(total);
      bar.stepTo(done);
      bar.setExtraMessage(" epoch " + epoch);
    }
  }

  @Override
  public void onValidated(EpochResult e, double validationAccuracy) {
    validation = validationAccuracy;
  }

  @Override
  public void onEvaluated(EpochResult e, double testAccuracy) {
    test = testAccuracy;
  }

  @Override
  public boolean onEpoch(EpochResult e, Network network) {
    if (bar == null) {
      String accuracies = Double.isNaN(validation) ? ""
          : String.format(Locale.ROOT, ", validation %.4f, test %.4f", validation, test);
      out.printf(Locale.ROOT, "epoch %d: loss %.5f%s, %.1f s, %,.0f samples/s%n",
          e.epoch(), e.loss(), accuracies, e.seconds(), e.samplesPerSecond());
    }
    return true;
  }

  /** A listener that tells {@code first}, then {@code second}; training goes on while both say so. */
  static TrainingListener both(TrainingListener first, TrainingListener second) {
    return new TrainingListener() {
      @Override
      public void onProgress(int epoch, long done, long total) {
        first.onProgress(epoch, done, total);
        second.onProgress(epoch, done, total);
      }

      @Override
      public void onValidated(EpochResult epoch, double validationAccuracy) {
        first.onValidated(epoch, validationAccuracy);
        second.onValidated(epoch, validationAccuracy);
      }

      @Override
      public void onEvaluated(EpochResult epoch, double testAccuracy) {
        first.onEvaluated(epoch, testAccuracy);
        second.onEvaluated(epoch, testAccuracy);
      }

      @Override
      public boolean onEpoch(EpochResult epoch, Network network) {
        return first.onEpoch(epoch, network) & second.onEpoch(epoch, network);
      }
    };
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
