/**
 * Reports rendered from results: Markdown now, HTML with charts from the report issue.
 *
 * <p>Depends on: {@code experiment}, {@code rules}, {@code sweep}.
 */
package org.nnlab.report;
