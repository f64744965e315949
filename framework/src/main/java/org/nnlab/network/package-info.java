/** The network itself: activation, initialisation, and the forward and backward passes side by side. */
package org.nnlab.network;
