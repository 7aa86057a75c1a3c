/**
 * Evaluation: confusion matrices, metrics and their intervals, paired tests, ROC/AUC, calibration,
 * and {@link org.cxrlstm.eval.GradCam}, the only class here that touches TensorFlow.
 */
package org.cxrlstm.eval;
