/**
 * Trained networks outside a run: the {@code model.nnlab} file, NumPy {@code .npy} interchange, the
 * book's backward query, and the files a run leaves for them.
 *
 * <p>Depends on: {@code config}, {@code data}, {@code experiment}, {@code io}, {@code metrics},
 * {@code network}, {@code output}, {@code rules}.
 */
package org.nnlab.model;
