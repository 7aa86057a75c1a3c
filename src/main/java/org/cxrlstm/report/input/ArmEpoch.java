package org.cxrlstm.report.input;

/** One epoch of one fold model of an arm, from epochs.csv. */
public record ArmEpoch(String trialId, Arm arm, int fold, int epoch, double trainLoss, double trainAccuracy,
    double valLoss, double valAccuracy) {}
