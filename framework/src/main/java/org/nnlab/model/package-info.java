/**
 * Trained networks outside a run: the {@code model.nnlab} file, NumPy {@code .npy} interchange, the
 * book's backward query, and the files a run leaves for them.
 */
package org.nnlab.model;
