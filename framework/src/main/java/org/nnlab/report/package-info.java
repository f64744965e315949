/** Reports rendered from results: Markdown now, HTML with charts from the report issue. */
package org.nnlab.report;
