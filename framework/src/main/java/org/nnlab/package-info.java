/**
 * nnlab: rule-checked experiments with the sigmoid network of <i>Make Your Own Neural Network</i>.
 * Start at {@link org.nnlab.experiment.ExperimentRunner} (one run) or {@link
 * org.nnlab.sweep.SweepRunner} (a sweep), both built by Guice from {@link
 * org.nnlab.inject.NnlabModule}. Every error a host can catch is an {@link org.nnlab.NnlabException}.
 *
 * <p>Package order, bottom up — a package imports only packages before it: {@code network} and
 * {@code io} → {@code output} → {@code config} → {@code data} → {@code training} → {@code rules} → {@code metrics} →
 * {@code experiment} → {@code sweep} and {@code model} → {@code inject}. The modules a host may
 * leave out sit above all of these: {@code org.nnlab.report} (nnlab-report: report.md and
 * report.html), {@code org.nnlab.serve} (nnlab-serve) and {@code org.nnlab.cluster} (nnlab-cluster). Each
 * package's own page says what it depends on; {@code PackageOrderTest} keeps both true.
 */
package org.nnlab;
