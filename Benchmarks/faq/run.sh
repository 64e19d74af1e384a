#!/usr/bin/env bash
# FAQ retrieval benchmark: kefu (BM25 alone and the full ranker) vs rank_bm25 (jieba words;
# character 1+2-grams) and scikit-learn TF-IDF over character n-grams with cosine, on bq-faq valid,
# with the FAQ entries alone indexed and with the distractors added; plus kefu's query latency with
# 10,000 entries. Prints a markdown report to stdout and saves it to Benchmarks/results/faq.md when
# every system ran.
# Env: see Benchmarks/peer-benchmark.sh (KEFU_DATA, KEFU_BIN, SKIP_BUILD, KEFU_COMMIT, PEERS_ONLY).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../peer-benchmark.sh"
run_peer_benchmark "$HERE" faq "sklearn, rank_bm25, jieba" scikit-learn rank_bm25 jieba==0.42.1
