#!/usr/bin/env python3
"""Peer segmenter for the benchmark: rjieba.cut (jieba-rs, HMM on) on each stdin line.

Same contract as `kefu tokenize`: one output line per input line, tokens
separated by single spaces, whitespace-only tokens dropped.
Usage: peer_rjieba.py < input > output
"""
import sys

import rjieba


def main() -> None:
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n").lstrip("\ufeff")
        words = [w for w in rjieba.cut(line) if w.strip()]  # drop empty / whitespace-only tokens
        out.write(" ".join(words))
        out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
