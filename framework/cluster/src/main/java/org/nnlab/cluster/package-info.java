/**
 * Sweeps on a Hazelcast cluster: {@link org.nnlab.cluster.ClusterWorker}, a member that trains
 * trials, and {@link org.nnlab.cluster.ClusterTrialExecutor}, the sweep's trial executor as a
 * client of such members. A separate module, so a host that never clusters does not load
 * Hazelcast. How to run one, and what survives which failure: {@code docs/cluster.md}.
 */
package org.nnlab.cluster;
