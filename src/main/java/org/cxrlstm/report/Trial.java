package org.cxrlstm.report;

/** One row of trials.csv (the fields the report uses). */
record Trial(String id, Arm arm, int fold, String status, double testAccuracy, double testLoss,
    double valAccuracy, double valLoss, int epochsRun, double seconds) {
  boolean done() {
    return status.equals("done");
  }
}
