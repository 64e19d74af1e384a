#!/usr/bin/env python3
"""Word-segmentation scorer: precision, recall, F1 and OOV recall by span matching.

Each line's words are turned into (start, end) character offsets of the line with all
whitespace removed. A system word is correct when gold has the same span. OOV recall is
the fraction of gold OOV word tokens (word not in the vocabulary) whose span the system
produced. A line whose characters differ from gold (ignoring whitespace) scores zero
correct words; the count of such lines goes to stderr.

Usage: score.py GOLD SYSTEM (--vocab WORDS_FILE | --dict JIEBA_DICT)
"""
import argparse
import sys
from dataclasses import dataclass


def read_lines(path: str) -> list[str]:
    """Lines of a UTF-8 file; drops a BOM and CR/LF endings. Splits on '\\n' only."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8-sig")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # trailing newline at end of file
    return [line.rstrip("\r") for line in lines]


def load_vocab(path: str) -> set[str]:
    """First whitespace-separated column of each line (a word list or jieba's dict.txt)."""
    vocab = set()
    for line in read_lines(path):
        cols = line.split()
        if cols:
            vocab.add(cols[0])
    return vocab


def spans(words: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for w in words:
        out.append((pos, pos + len(w)))
        pos += len(w)
    return out


@dataclass
class Score:
    sys_words: int = 0
    gold_words: int = 0
    correct: int = 0
    oov_gold: int = 0
    oov_found: int = 0
    mismatched_lines: int = 0
    mismatched_gold_words: int = 0  # gold words on mismatched lines (never matchable)

    @property
    def precision(self) -> float:
        return self.correct / self.sys_words if self.sys_words else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_words if self.gold_words else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def oov_recall(self) -> float:
        return self.oov_found / self.oov_gold if self.oov_gold else 0.0


def score(gold_lines: list[str], sys_lines: list[str], vocab: set[str]) -> Score:
    s = Score()
    n = max(len(gold_lines), len(sys_lines))
    gold_lines = gold_lines + [""] * (n - len(gold_lines))  # pad a short side with empty lines
    sys_lines = sys_lines + [""] * (n - len(sys_lines))
    for g_line, s_line in zip(gold_lines, sys_lines):
        g_words, s_words = g_line.split(), s_line.split()  # str.split: any Unicode whitespace
        s.gold_words += len(g_words)
        s.sys_words += len(s_words)
        aligned = "".join(g_words) == "".join(s_words)
        if not aligned:
            s.mismatched_lines += 1
            s.mismatched_gold_words += len(g_words)
        s_spans = set(spans(s_words)) if aligned else set()
        for w, sp in zip(g_words, spans(g_words)):
            hit = sp in s_spans
            s.correct += hit
            if w not in vocab:
                s.oov_gold += 1
                s.oov_found += hit
    return s


def score_files(gold: str, system: str, vocab: set[str], label: str = "") -> Score:
    g, y = read_lines(gold), read_lines(system)
    if len(g) != len(y):
        print(f"score: {label or system}: {len(y)} system lines vs {len(g)} gold lines",
              file=sys.stderr)
    s = score(g, y, vocab)
    if s.mismatched_lines:
        print(f"score: {label or system}: {s.mismatched_lines} lines whose characters differ "
              f"from gold (scored as wrong)", file=sys.stderr)
    return s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("system")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--vocab", help="known-word list, one word per line (e.g. training words)")
    src.add_argument("--dict", help="jieba dict.txt; its first column is the known-word list")
    a = ap.parse_args()
    s = score_files(a.gold, a.system, load_vocab(a.vocab or a.dict))
    print(f"P={s.precision:.4f} R={s.recall:.4f} F1={s.f1:.4f} OOV-R={s.oov_recall:.4f} "
          f"(sys {s.sys_words}, gold {s.gold_words}, correct {s.correct}, "
          f"gold OOV {s.oov_gold}, mismatched lines {s.mismatched_lines})")


if __name__ == "__main__":
    main()
