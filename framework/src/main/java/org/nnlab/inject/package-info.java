/**
 * Guice modules: the composition root's building blocks; nothing in nnlab imports this package.
 *
 * <p>Depends on: {@code data}, {@code experiment}, {@code metrics}, {@code model}, {@code rules},
 * {@code training}.
 */
package org.nnlab.inject;
