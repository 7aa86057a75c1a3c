package org.cxrlstm.report.input;

/** One row of trials.csv (the fields the report uses). */
public record Trial(String id, Arm arm, int fold, String status, double testAccuracy, double testLoss,
    double valAccuracy, double valLoss, int epochsRun, double seconds) {
  public boolean done() {
    return status.equals("done");
  }
}
