package org.nnlab.metrics;

/**
 * How a run's meters live in the host's registry: removed when the run ends (the default, so a
 * long-lived host does not pile up one set of meters per run and per trial), or kept for a scrape
 * after the run.
 *
 * <pre>{@code
 * Nnlab nnlab = Nnlab.create(b -> b.bind(MetricsOptions.class).toInstance(MetricsOptions.KEEP));
 * }</pre>
 *
 * @param keepAfterRun true to leave a finished run's meters in the host's registry
 */
public record MetricsOptions(boolean keepAfterRun) {
  /** Meters leave the host's registry when their run ends. */
  public static final MetricsOptions REMOVE_AFTER_RUN = new MetricsOptions(false);
  /** Meters stay in the host's registry after their run, with the run's final figures. */
  public static final MetricsOptions KEEP = new MetricsOptions(true);
}
