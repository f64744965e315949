/** Per-sample gradient descent over a dataset: the trainer, its listener and per-epoch results. */
package org.nnlab.training;
