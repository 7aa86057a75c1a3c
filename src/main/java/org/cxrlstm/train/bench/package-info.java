/** What the {@code bench} command measures: the machine's MatMul and convolution peaks, training and inference throughput, oneDNN's ISA. */
package org.cxrlstm.train.bench;
