/**
 * Tables (Markdown and CSV), XChart plots and the report page of a results folder, made from the
 * merged CSVs alone ({@link org.cxrlstm.report.Report#write}) so that they can be regenerated
 * without training.
 */
package org.cxrlstm.report;
