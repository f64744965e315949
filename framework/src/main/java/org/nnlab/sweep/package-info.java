/**
 * Hyperparameter sweeps: the plan of trials (grid, random, halving), the runner and its strategies
 * ({@code GridSweep}, {@code HalvingSweep}), the {@link org.nnlab.sweep.TrialExecutor} seam where
 * trials train (a local thread pool now), and the results store.
 */
package org.nnlab.sweep;
