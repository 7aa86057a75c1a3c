package org.cxrlstm.train;

/** The outcome of one training step: mean loss over the batch and how many it got right. */
public record StepResult(float loss, int correct, int count) {}
