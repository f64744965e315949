/**
 * Evaluation (accuracy, confusion matrix) and the Micrometer meters of training.
 *
 * <p>Depends on: {@code data}, {@code network}, {@code rules}, {@code training}.
 */
package org.nnlab.metrics;
