/**
 * Reports rendered from results alone: {@code report.md}, {@code trials.csv}, and the page model
 * ({@link org.nnlab.report.ReportModel}) that {@code report.html} and the live page draw with the
 * bundled ECharts; the sweep's statistics (points, bins, η² importance) are computed here once.
 * {@link org.nnlab.report.ReportWriter} writes them into a folder, for the command line and hosts alike.
 *
 * <p>Depends on: {@code experiment}, {@code rules}, {@code sweep}, {@code model} and {@code output}
 * (a run's whole set, published at once).
 */
package org.nnlab.report;
