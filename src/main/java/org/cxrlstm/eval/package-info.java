/**
 * Pure statistics on predictions, no TensorFlow: the fold ensemble and argMax
 * ({@link org.cxrlstm.eval.Probabilities}), spread over fold models ({@link org.cxrlstm.eval.Spread}),
 * confusion matrices, the paper's metrics (section 3.3), Wilson and bootstrap intervals, paired
 * t-intervals over training runs, exact McNemar, ROC/AUC, calibration and Grad-CAM mass.
 */
package org.cxrlstm.eval;
