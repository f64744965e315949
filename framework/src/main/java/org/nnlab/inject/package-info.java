/** Guice modules: the composition root's building blocks; nothing in nnlab imports this package. */
package org.nnlab.inject;
