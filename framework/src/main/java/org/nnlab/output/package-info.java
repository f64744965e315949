/**
 * Output folders a writer owns: a lock that keeps out a second writer, a staging folder whose whole
 * set of files is published in one step, and the rule that keeps a name from becoming a path, for
 * any layer above it (config, model, sweep, a host's own code).
 *
 * <p>Depends on: {@code io}.
 */
package org.nnlab.output;
