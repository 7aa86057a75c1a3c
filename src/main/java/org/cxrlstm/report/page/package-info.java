/** The report's page: Markdown and HTML, tables written beside it as CSV, and XChart plots. Knows nothing of experiments. */
package org.cxrlstm.report.page;
