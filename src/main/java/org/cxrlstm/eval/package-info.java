/**
 * Predictions to confusion matrices, the paper's metrics (section 3.3) and the statistics that
 * make them honest: Wilson and bootstrap intervals, exact McNemar, ROC/AUC and calibration, all
 * pure Java from probabilities fetched out of TensorFlow or read back from CSV; and
 * {@link org.cxrlstm.eval.GradCam}, the only class here that touches TensorFlow.
 */
package org.cxrlstm.eval;
