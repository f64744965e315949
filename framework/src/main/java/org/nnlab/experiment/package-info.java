/** One experiment end to end: rules, data, network, training, evaluation, and the result it records. */
package org.nnlab.experiment;
