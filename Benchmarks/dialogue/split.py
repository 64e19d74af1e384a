"""How the dialogue data was split, once, before any bot content was written for it: the written
lines (TSV, `text<TAB>topic`) are shuffled within each topic with a fixed seed and dealt
alternately to two halves (the first to `tune`); the conversations likewise. The second half was
held out for one report (see data/README.md) and has been tuning data, `tune2`, since.

    python3 split.py --lines a.tsv b.tsv --conversations c.yml --out data/
"""

import argparse
import collections
import os
import random

import yaml

SEED = 20261206


def read_lines(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if number == 1 and line.endswith("topic") or not line.strip():
                    continue
                text, topic = line.rsplit("\t", 1)
                rows.append((text.strip(), topic.strip()))
    return rows


def deal(items, rng):
    items = list(items)
    rng.shuffle(items)
    return items[0::2], items[1::2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", nargs="+", required=True)
    parser.add_argument("--conversations", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(SEED)
    by_topic = collections.defaultdict(list)
    for text, topic in read_lines(args.lines):
        by_topic[topic].append(text)
    halves = {"tune": [], "tune2": []}
    for topic in sorted(by_topic):
        tune, tune2 = deal(by_topic[topic], rng)
        halves["tune"] += [(t, topic) for t in tune]
        halves["tune2"] += [(t, topic) for t in tune2]
    for name, rows in halves.items():
        with open(os.path.join(args.out, f"lines-{name}.tsv"), "w", encoding="utf-8") as f:
            f.write("text\ttopic\n")
            f.writelines(f"{text}\t{topic}\n" for text, topic in rows)
    conversations = yaml.safe_load(open(args.conversations, encoding="utf-8"))
    tune, tune2 = deal(conversations, rng)
    for name, part in (("tune", tune), ("tune2", tune2)):
        with open(os.path.join(args.out, f"conversations-{name}.yml"), "w", encoding="utf-8") as f:
            yaml.safe_dump(part, f, allow_unicode=True, sort_keys=False, width=200)
    print({k: len(v) for k, v in halves.items()}, {"tune": len(tune), "tune2": len(tune2)})


if __name__ == "__main__":
    main()
