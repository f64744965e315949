package org.nnlab.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.nnlab.rules.Finding;
import org.nnlab.training.EpochResult;

/**
 * The Micrometer meters of one run: {@code nnlab.train.samples} (counter), {@code nnlab.train.epoch}
 * (timer), {@code nnlab.train.loss}, {@code nnlab.train.throughput} (samples/s) and
 * {@code nnlab.eval.accuracy} (gauges of the latest epoch), {@code nnlab.eval.validation.accuracy}
 * (a gauge too, for a run with {@code data.validation} only), and
 * {@code nnlab.rule.findings{rule, severity}} (counter). Results read their figures back from here.
 *
 * <p>Every meter carries the same tag keys: {@code experiment} (the config's name), {@code run}
 * (one id per run, or per sweep for its trials) and {@code trial} (the trial's id, {@value #NO_TRIAL}
 * for a plain run) — so two runs of one name, a sweep after a run and two sweeps at once are apart,
 * and a Prometheus registry, which refuses a name whose tag keys change, takes them all.
 *
 * <pre>{@code
 * try (TrainingMetrics m = new TrainingMetrics(host, "quickstart", Tags.empty(), MetricsOptions.KEEP)) {
 *   m.epoch(epoch, accuracy);
 * }
 * }</pre>
 *
 * <p>Every meter goes to the host's registry and to a private one of this run, through a
 * composite: the host sees all runs, while this run's figures are read back from its own meters.
 * The gauges hold their values strongly and follow the latest epoch. {@link #close} removes this
 * run's meters from the host's registry unless {@link MetricsOptions#keepAfterRun}. Thread-safe.
 */
public final class TrainingMetrics implements AutoCloseable {
  public static final String SAMPLES = "nnlab.train.samples";
  public static final String EPOCH = "nnlab.train.epoch";
  public static final String LOSS = "nnlab.train.loss";
  public static final String THROUGHPUT = "nnlab.train.throughput";
  public static final String ACCURACY = "nnlab.eval.accuracy";
  public static final String VALIDATION_ACCURACY = "nnlab.eval.validation.accuracy";
  public static final String FINDINGS = "nnlab.rule.findings";

  /** The tag keys every meter carries. */
  public static final String EXPERIMENT = "experiment";
  public static final String RUN = "run";
  public static final String TRIAL = "trial";
  /** The {@code trial} tag of a run that is not a sweep's trial. */
  public static final String NO_TRIAL = "none";

  private final MeterRegistry host;
  private final CompositeMeterRegistry registry;
  private final SimpleMeterRegistry own;
  private final boolean keep;
  private final Tags tags;
  private final Counter samples;
  private final Timer epochTimer;
  private final List<Meter.Id> registered = new CopyOnWriteArrayList<>();
  private final AtomicReference<Double> loss = new AtomicReference<>(Double.NaN);
  private final AtomicReference<Double> throughput = new AtomicReference<>(Double.NaN);
  private final AtomicReference<Double> accuracy = new AtomicReference<>(Double.NaN);
  private final AtomicReference<Double> validation = new AtomicReference<>(); // null: no gauge yet

  /**
   * The meters of a run of {@code experiment}; {@code given} may hold its {@code run} and
   * {@code trial} tags (a fresh run id and {@value #NO_TRIAL} when absent).
   *
   * @throws IllegalArgumentException when {@code given} holds another tag key
   */
  public TrainingMetrics(MeterRegistry host, String experiment, Tags given, MetricsOptions options) {
    this.host = host;
    this.own = new SimpleMeterRegistry();
    this.registry = new CompositeMeterRegistry();
    registry.add(own);
    registry.add(host);
    this.keep = options.keepAfterRun();
    this.tags = tagsOf(experiment, given);
    this.samples = register(Counter.builder(SAMPLES).tags(tags).description("samples trained").register(registry));
    this.epochTimer = register(Timer.builder(EPOCH).tags(tags).description("training time per epoch").register(registry));
    gauge(LOSS, loss);
    gauge(THROUGHPUT, throughput);
    gauge(ACCURACY, accuracy);
  }

  /** {@code experiment}, {@code run} and {@code trial}, from {@code given} or their defaults. */
  static Tags tagsOf(String experiment, Tags given) {
    String run = null;
    String trial = NO_TRIAL;
    for (Tag t : given) {
      switch (t.getKey()) {
        case RUN -> run = t.getValue();
        case TRIAL -> trial = t.getValue();
        default -> throw new IllegalArgumentException("meter tag " + t.getKey() + " is not one of nnlab's; allowed: "
            + RUN + ", " + TRIAL);
      }
    }
    return Tags.of(EXPERIMENT, experiment, RUN, run != null ? run : newRunId(), TRIAL, trial);
  }

  /** A fresh run id: 12 hex digits, random, so runs of many hosts and restarts stay apart. */
  public static String newRunId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** This run's id, as in its {@code run} tag. */
  public String runId() {
    return tags.stream().filter(t -> t.getKey().equals(RUN)).findFirst().orElseThrow().getValue();
  }

  /**
   * A gauge that holds its value strongly: Micrometer's default weak reference reads NaN once this
   * run's metrics are garbage, while a host still shows a finished trial's figures.
   */
  private void gauge(String name, AtomicReference<Double> value) {
    register(Gauge.builder(name, value, AtomicReference::get).tags(tags).strongReference(true).register(registry));
  }

  private <M extends Meter> M register(M meter) {
    registered.add(meter.getId());
    return meter;
  }

  /** Records one finished epoch and the accuracy measured after it. */
  public void epoch(EpochResult epoch, double testAccuracy) {
    samples.increment(epoch.samples());
    epochTimer.record(Duration.ofNanos((long) (epoch.seconds() * 1e9)));
    loss.set(epoch.loss());
    throughput.set(epoch.samplesPerSecond());
    accuracy.set(testAccuracy);
  }

  /**
   * Records the accuracy on the held-out training samples after the latest epoch; the gauge is
   * registered on the first call, so a run without a validation split has none.
   */
  public void validation(double validationAccuracy) {
    if (validation.getAndSet(validationAccuracy) == null) {
      gauge(VALIDATION_ACCURACY, validation);
    }
  }

  public void finding(Finding f) {
    register(registry.counter(FINDINGS, tags.and("rule", f.rule(), "severity", f.severity().id()))).increment();
  }

  /** Samples trained so far, read from the counter. */
  public double samplesTrained() {
    return own.get(SAMPLES).counter().count();
  }

  /** Total epoch time so far in seconds, read from the timer. */
  public double trainSeconds() {
    return own.get(EPOCH).timer().totalTime(TimeUnit.NANOSECONDS) / 1e9;
  }

  /** Samples per second over all epochs so far, from the counter and the timer. */
  public double samplesPerSecond() {
    double s = trainSeconds();
    return s > 0 ? samplesTrained() / s : 0.0;
  }

  /** The run has ended: its meters leave the host's registry unless the host keeps them. */
  @Override
  public void close() {
    if (keep) {
      return;
    }
    for (Meter.Id id : registered) {
      host.removeByPreFilterId(id);
    }
    registry.remove(host);
  }
}
