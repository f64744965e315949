/**
 * Per-sample gradient descent over a dataset: the trainer, its listener and per-epoch results.
 *
 * <p>Depends on: {@code config}, {@code data}, {@code network}.
 */
package org.nnlab.training;
