/**
 * The live report page and {@code /metrics} over HTTP (the JDK's {@code com.sun.net.httpserver}):
 * {@link org.nnlab.serve.ReportServer} serves a running sweep or run ({@link org.nnlab.serve.LiveSweep},
 * {@link org.nnlab.serve.LiveRun}) or the run and sweep folders under some directories
 * ({@link org.nnlab.serve.FolderSource}). Optional for hosts: a host that only trains never loads it.
 */
package org.nnlab.serve;
