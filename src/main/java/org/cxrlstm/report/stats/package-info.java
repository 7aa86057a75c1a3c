/**
 * The numbers a report states: each arm's fold models and ensemble with their intervals, paired
 * comparisons over training runs, and the arm selected on validation folds.
 */
package org.cxrlstm.report.stats;
