package org.nnlab.experiment;

/**
 * One epoch as reported: test accuracy measured after it, mean training loss, training time and
 * throughput.
 */
public record EpochStats(int epoch, double accuracy, double loss, double seconds, double samplesPerSecond) {}
