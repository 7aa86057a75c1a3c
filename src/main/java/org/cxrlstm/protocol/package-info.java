/**
 * The paper's protocol: the deterministic trial plan, the experiment's data and split, the
 * idempotent trial runner with per-trial folders, and the training of one fold model.
 */
package org.cxrlstm.protocol;
