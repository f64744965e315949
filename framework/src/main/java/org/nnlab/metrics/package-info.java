/** Evaluation (accuracy, confusion matrix) and the Micrometer meters of training. */
package org.nnlab.metrics;
