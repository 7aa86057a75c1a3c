package org.cxrlstm.report.input;

/** One row of gradcam.csv: the share of a test image's Grad-CAM mass inside the lung region and on the border. */
public record GradCamRow(String trialId, Arm arm, int index, int label, int predicted, double innerMass, double borderMass) {}
