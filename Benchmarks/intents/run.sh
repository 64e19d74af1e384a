#!/usr/bin/env bash
# Intent benchmark: kefu vs scikit-learn TF-IDF (LogisticRegression, LinearSVC) vs fastText on
# SMP2017, BANKING77 and CLINC150. Prints a markdown report to stdout and saves it to
# Benchmarks/results/intents.md when every system ran.
# Env: see Benchmarks/peer-benchmark.sh (KEFU_DATA, KEFU_BIN, SKIP_BUILD, KEFU_COMMIT, PEERS_ONLY).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../peer-benchmark.sh"
run_peer_benchmark "$HERE" intents "sklearn, fasttext, jieba" scikit-learn fasttext-numpy2 jieba==0.42.1
