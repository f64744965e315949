/**
 * Small file, hashing and safety helpers every other package uses: atomic file writes, SHA-256 in
 * nnlab's {@code sha256:<hex>} form and the JSON settings of nnlab's files; reads that accept only
 * regular files and stop at a size cap ({@link org.nnlab.io.RegularFiles}), the JVM's memory budget
 * checked before large allocations ({@link org.nnlab.io.JvmMemory}), quoted values made safe to
 * print ({@link org.nnlab.io.Printable}) and write failures that name their file
 * ({@link org.nnlab.io.FileErrors}).
 *
 * <p>Depends on: no other nnlab package (the bottom of nnlab, beside {@code network}).
 */
package org.nnlab.io;
