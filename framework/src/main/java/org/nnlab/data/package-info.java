/** Datasets kept as bytes, their readers (IDX, CSV, images), input scaling and target encoding. */
package org.nnlab.data;
