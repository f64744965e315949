/** Hyperparameter sweeps: the plan of trials (grid, random, halving), the parallel runner, the results store. */
package org.nnlab.sweep;
