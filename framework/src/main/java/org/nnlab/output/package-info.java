/**
 * Output folders a writer owns: a lock that keeps out a second writer, a staging folder whose whole
 * set of files is published in one step, and the rule that keeps a name from becoming a path. Depends
 * on no other nnlab package, so any layer (config, model, sweep, a host's own code) can use it.
 */
package org.nnlab.output;
