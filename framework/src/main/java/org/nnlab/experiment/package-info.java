/**
 * One experiment end to end: rules, data, network, training, evaluation, and the result it records.
 *
 * <p>Depends on: {@code config}, {@code data}, {@code io}, {@code metrics}, {@code network},
 * {@code rules}, {@code training}.
 */
package org.nnlab.experiment;
