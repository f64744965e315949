/**
 * What every reader of user files shares, below all other packages: reads that accept only regular
 * files and stop at a size cap ({@link org.nnlab.io.RegularFiles}), the JVM's memory budget checked
 * before large allocations ({@link org.nnlab.io.JvmMemory}), and quoted values made safe to print
 * ({@link org.nnlab.io.Printable}).
 */
package org.nnlab.io;
