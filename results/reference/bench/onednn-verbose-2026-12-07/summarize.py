#!/usr/bin/env python3
"""Summarises the ONEDNN_VERBOSE=1 log of `-Dexperiment=bench` (stdout and stderr in one file, optionally gzipped).

Rows are grouped by bench block (architecture and precision, in the order the bench measures them: MatMul peak,
then training steps, then inference steps), primitive kind, implementation, propagation kind and problem shape.
For convolutions and MatMuls the FLOPs come from the problem descriptor (2 x N x IC x OC x OH x OW x KH x KW;
2 x M x K x N), so each row gets its GFLOP/s inside oneDNN. Usage: onednn_summary.py LOG[.gz] > summary.csv
"""
import csv, gzip, re, sys
from collections import OrderedDict

path = sys.argv[1]
lines = gzip.open(path, 'rt', errors='replace') if path.endswith('.gz') else open(path, errors='replace')
result = re.compile(r'^\s+(cnn|cnn-lstm)\s+\d+ px width \S+\s+(train|inference)\s+(\S+)\s')
conv = re.compile(r'mb(\d+)_?(?:g\d+)?ic(\d+)oc(\d+)_(?:id\d+od\d+kd\d+sd\d+dd\d+pd\d+_)?ih(\d+)oh(\d+)kh(\d+)\S*?_iw(\d+)ow(\d+)kw(\d+)')
mm = re.compile(r'^(\d+)x(\d+):(\d+)x(\d+)')

def flops(kind, problem):
    m = conv.search(problem) if kind == 'convolution' else None
    if m:
        n, ic, oc, ih, oh, kh, iw, ow, kw = map(int, m.groups())
        return 2.0 * n * ic * oc * oh * ow * kh * kw
    m = mm.match(problem) if kind in ('matmul', 'gemm_api') else None
    if m:
        a, k, k2, b = map(int, m.groups())
        return 2.0 * a * k * b
    return None

block = 0
groups = OrderedDict()
for line in lines:
    m = result.match(line)
    if m:
        if m.group(2) == 'inference':
            block += 1
        continue
    if not line.startswith('onednn_verbose'):
        continue
    f = line.rstrip('\n').split(',')
    if 'exec' not in f:
        continue
    e = f.index('exec')
    if e + 4 >= len(f) or f[e + 1] != 'cpu':
        continue
    kind, impl, prop = f[e + 2], f[e + 3], f[e + 4]
    try:
        ms = float(f[-1])
    except ValueError:
        continue
    problem = f[-2]
    key = (block, kind, impl or '(sgemm)', prop, problem)
    g = groups.setdefault(key, [0, 0.0, flops(kind, problem)])
    g[0] += 1
    g[1] += ms
w = csv.writer(sys.stdout, lineterminator='\r\n')
w.writerow(['block', 'kind', 'implementation', 'propagation', 'problem', 'executions', 'total_ms', 'gflops_per_s'])
for (b, kind, impl, prop, problem), (n, ms, fl) in groups.items():
    w.writerow([b, kind, impl, prop, problem, n, round(ms, 3), round(fl * n / ms / 1e6, 1) if fl and ms > 0 else ''])
