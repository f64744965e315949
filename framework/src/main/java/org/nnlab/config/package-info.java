/** Experiments as immutable records read from YAML, the loader that reads them, and its errors. */
package org.nnlab.config;
