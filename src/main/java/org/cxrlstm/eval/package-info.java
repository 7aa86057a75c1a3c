/**
 * Predictions to confusion matrices, the paper's metrics (section 3.3) and the statistics that
 * make them honest: Wilson and bootstrap intervals, exact McNemar, ROC/AUC and calibration.
 * Pure Java; computed from probabilities fetched out of TensorFlow or read back from CSV.
 */
package org.cxrlstm.eval;
