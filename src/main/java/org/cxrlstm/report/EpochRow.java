package org.cxrlstm.report;

/** One row of epochs.csv. */
record EpochRow(String trialId, Arm arm, int fold, int epoch, double trainLoss, double trainAccuracy,
    double valLoss, double valAccuracy) {}
