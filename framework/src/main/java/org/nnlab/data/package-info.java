/**
 * Datasets kept as bytes: readers (IDX, CSV, PNG/JPEG), the named datasets and where they live
 * (bundled {@code mnist-sample}, {@code mnist}, {@code fashion-mnist}), fetching and importing them
 * with SHA-256 checks, rotation augmentation, input scaling and target encoding.
 *
 * <p>Depends on: {@code config}, {@code io}.
 */
package org.nnlab.data;
