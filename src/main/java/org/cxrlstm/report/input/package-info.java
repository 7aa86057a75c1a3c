/**
 * What a report reads from one results folder, through the typed rows of {@code results}: trials,
 * epochs, predictions and ensembles as the report's arms, fold models and class indices.
 */
package org.cxrlstm.report.input;
