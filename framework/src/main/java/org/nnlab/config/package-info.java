/**
 * Experiments as immutable records read from YAML: the loader that reads them (with {@code extends:}
 * and {@code --set} overrides), the positioned document a sweep reads, the canonical writer, and the
 * one-line errors.
 *
 * <p>Depends on: {@code io}, {@code network}, {@code output}.
 */
package org.nnlab.config;
