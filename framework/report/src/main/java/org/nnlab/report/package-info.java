/**
 * Reports rendered from results alone: {@code report.md}, {@code trials.csv}, and the page model
 * ({@link org.nnlab.report.ReportModel}) that {@code report.html} and the live page draw with the
 * bundled ECharts; the sweep's statistics (points, bins, η² importance) are computed here once.
 *
 * <p>Depends on: {@code experiment}, {@code rules}, {@code sweep}.
 */
package org.nnlab.report;
