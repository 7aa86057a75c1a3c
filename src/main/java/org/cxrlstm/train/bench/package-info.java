/** What the {@code bench} command measures: the machine's MatMul peak, training and inference throughput, oneDNN's ISA. */
package org.cxrlstm.train.bench;
