package org.cxrlstm.report;

/** One epoch of one fold model of an arm, from epochs.csv. */
record ArmEpoch(String trialId, Arm arm, int fold, int epoch, double trainLoss, double trainAccuracy,
    double valLoss, double valAccuracy) {}
