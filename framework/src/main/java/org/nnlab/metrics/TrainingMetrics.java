package org.nnlab.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.nnlab.rules.Finding;
import org.nnlab.training.EpochResult;

/**
 * The Micrometer meters of one experiment, tagged {@code experiment=<name>}:
 * {@code nnlab.train.samples} (counter), {@code nnlab.train.epoch} (timer),
 * {@code nnlab.train.loss}, {@code nnlab.train.throughput} (samples/s) and
 * {@code nnlab.eval.accuracy} (gauges of the latest epoch), and
 * {@code nnlab.rule.findings{rule, severity}} (counter). Reports read their figures back from here.
 *
 * <p>Every meter goes to the injected registry and to a private one of this run, through a
 * composite: the host sees all runs, while this run's figures are read back from its own meters
 * even when a sweep runs many trials under one name.
 */
public final class TrainingMetrics {
  public static final String SAMPLES = "nnlab.train.samples";
  public static final String EPOCH = "nnlab.train.epoch";
  public static final String LOSS = "nnlab.train.loss";
  public static final String THROUGHPUT = "nnlab.train.throughput";
  public static final String ACCURACY = "nnlab.eval.accuracy";
  public static final String FINDINGS = "nnlab.rule.findings";

  private final MeterRegistry registry;
  private final SimpleMeterRegistry own;
  private final Tags tags;
  private final Counter samples;
  private final Timer epochTimer;
  private final AtomicReference<Double> loss = new AtomicReference<>(Double.NaN);
  private final AtomicReference<Double> throughput = new AtomicReference<>(Double.NaN);
  private final AtomicReference<Double> accuracy = new AtomicReference<>(Double.NaN);

  public TrainingMetrics(MeterRegistry host, String experiment) {
    this(host, experiment, Tags.empty());
  }

  /** With {@code extra} tags on every meter, e.g. {@code trial=<id>} for the trials of a sweep. */
  public TrainingMetrics(MeterRegistry host, String experiment, Tags extra) {
    SimpleMeterRegistry own = new SimpleMeterRegistry();
    CompositeMeterRegistry registry = new CompositeMeterRegistry();
    registry.add(own);
    registry.add(host);
    this.registry = registry;
    this.own = own;
    this.tags = Tags.of("experiment", experiment).and(extra);
    this.samples = Counter.builder(SAMPLES).tags(tags).description("samples trained").register(registry);
    this.epochTimer = Timer.builder(EPOCH).tags(tags).description("training time per epoch").register(registry);
    gauge(LOSS, loss);
    gauge(THROUGHPUT, throughput);
    gauge(ACCURACY, accuracy);
  }

  /**
   * A gauge that holds its value strongly: Micrometer's default weak reference reads NaN once this
   * run's metrics are garbage, while a host still shows a finished trial's figures.
   */
  private void gauge(String name, AtomicReference<Double> value) {
    Gauge.builder(name, value, AtomicReference::get).tags(tags).strongReference(true).register(registry);
  }

  /** Records one finished epoch and the accuracy measured after it. */
  public void epoch(EpochResult epoch, double testAccuracy) {
    samples.increment(epoch.samples());
    epochTimer.record(Duration.ofNanos((long) (epoch.seconds() * 1e9)));
    loss.set(epoch.loss());
    throughput.set(epoch.samplesPerSecond());
    accuracy.set(testAccuracy);
  }

  public void finding(Finding f) {
    registry.counter(FINDINGS, tags.and("rule", f.rule(), "severity", f.severity().id())).increment();
  }

  /** Samples trained so far, read from the counter. */
  public double samplesTrained() {
    return own.get(SAMPLES).counter().count();
  }

  /** Total epoch time so far in seconds, read from the timer. */
  public double trainSeconds() {
    return own.get(EPOCH).timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9;
  }

  /** Samples per second over all epochs so far, from the counter and the timer. */
  public double samplesPerSecond() {
    double s = trainSeconds();
    return s > 0 ? samplesTrained() / s : 0.0;
  }
}
