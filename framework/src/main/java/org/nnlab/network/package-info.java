/**
 * The network itself: activation, initialisation, and the forward and backward passes side by side.
 *
 * <p>Depends on: no other nnlab package (the bottom of nnlab, beside {@code io}).
 */
package org.nnlab.network;
