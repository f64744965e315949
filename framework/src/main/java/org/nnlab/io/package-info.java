/**
 * Small file and hashing helpers every other package uses: atomic file writes, SHA-256 in nnlab's
 * {@code sha256:<hex>} form, and the JSON settings of nnlab's files.
 *
 * <p>Depends on: no other nnlab package (the bottom of nnlab, beside {@code network}).
 */
package org.nnlab.io;
