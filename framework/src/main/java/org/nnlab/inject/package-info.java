/**
 * The composition root's building blocks and the one entry point a host injects: {@link
 * org.nnlab.inject.NnlabModule} binds everything, {@link org.nnlab.inject.Nnlab} loads, checks,
 * runs and sweeps. Nothing in nnlab imports this package.
 *
 * <p>Depends on: {@code config}, {@code data}, {@code experiment}, {@code metrics}, {@code model},
 * {@code rules}, {@code sweep}, {@code training}.
 */
package org.nnlab.inject;
