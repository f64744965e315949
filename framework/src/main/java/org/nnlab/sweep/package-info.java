/**
 * Hyperparameter sweeps: the plan of trials (grid, random, halving), the runner and its strategies
 * ({@code GridSweep}, {@code HalvingSweep}), the {@link org.nnlab.sweep.TrialExecutor} seam where
 * trials train (a local thread pool now), and the results store.
 *
 * <p>Depends on: {@code config}, {@code data}, {@code experiment}, {@code io}, {@code metrics},
 * {@code output}, {@code rules}, {@code training}.
 */
package org.nnlab.sweep;
