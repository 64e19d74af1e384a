#!/usr/bin/env python3
"""Segmentation benchmark harness, called by run.sh (run it with the Benchmarks venv's python).

For each system: accuracy on MSR test and UD dev (via score.py), throughput and peak RSS on a
~8 MB input (best of 3 whole-process runs), and cold start (`echo 你好 | cmd`, median of 15).
Progress goes to stderr; the markdown report goes to stdout.
"""
import argparse
import ctypes
import os
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import score

HERE = Path(__file__).resolve().parent
THROUGHPUT_MIN_BYTES = 8_000_000
THROUGHPUT_RUNS = 3
COLD_RUNS = 15


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def systems(kefu: str) -> list[tuple[str, list[str]]]:
    """(label, argv) for each system; all read stdin and write one line per input line."""
    py = sys.executable
    return [
        ("kefu HMM", [kefu, "tokenize"]),
        ("kefu no-HMM", [kefu, "tokenize", "--no-hmm"]),
        ("jieba HMM", [py, str(HERE / "peer_jieba.py")]),
        ("jieba no-HMM", [py, str(HERE / "peer_jieba.py"), "--no-hmm"]),
        ("rjieba", [py, str(HERE / "peer_rjieba.py")]),
    ]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(RAYON_NUM_THREADS="1", OMP_NUM_THREADS="1")  # single thread where it applies
    return env


def check_exit(argv: list[str], status: int, errlog: Path) -> None:
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        tail = errlog.read_text(errors="replace")[-2000:]
        sys.exit(f"{' '.join(argv)} exited {code}:\n{tail}")


# Spawning straight from this (large) Python process would make the child's ru_maxrss start at
# our own peak RSS: Linux carries the pre-exec memory's high-water mark across exec (and
# subprocess uses vfork). So for RSS runs a tiny /bin/sh starts the command in the background
# and exits; as a child subreaper we adopt the command and wait4 it directly (floor ~1 MB).
LAUNCH = 'in=$1 err=$2; shift 2; "$@" <"$in" >/dev/null 2>"$err" & echo $!'


def become_subreaper() -> None:
    PR_SET_CHILD_SUBREAPER = 36
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("prctl(PR_SET_CHILD_SUBREAPER) failed")


def measured_run(argv: list[str], stdin_path: Path, errlog: Path) -> tuple[float, float]:
    """`argv < stdin_path > /dev/null`; return (wall seconds, peak RSS in MiB).

    Wall time runs from spawning the launcher to reaping the command (adds ~1 ms of sh).
    """
    t0 = time.perf_counter()
    sh = subprocess.Popen(["/bin/sh", "-c", LAUNCH, "sh", str(stdin_path), str(errlog), *argv],
                          stdout=subprocess.PIPE, env=child_env())
    pid = int(sh.stdout.readline())
    sh.wait()
    sh.stdout.close()
    _, status, rusage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    check_exit(argv, status, errlog)
    return wall, rusage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def cold_run(argv: list[str], stdin_bytes: bytes, errlog: Path) -> float:
    """`echo ... | argv > /dev/null`; return whole-process wall seconds (spawn to wait4)."""
    with open(errlog, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err,
                             env=child_env())
        try:
            p.stdin.write(stdin_bytes)
            p.stdin.close()
        except BrokenPipeError:
            pass  # child exited early; its exit status is checked below
        _, status, _ = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # so Popen won't try to reap it again
    check_exit(argv, status, errlog)
    return wall


def segment(argv: list[str], src: Path, dst: Path, errlog: Path) -> None:
    """Segment src into dst with one system (for accuracy scoring)."""
    with open(src, "rb") as fin, open(dst, "wb") as fout, open(errlog, "wb") as err:
        rc = subprocess.run(argv, stdin=fin, stdout=fout, stderr=err, env=child_env()).returncode
    if rc != 0:
        sys.exit(f"{' '.join(argv)} exited {rc}:\n{errlog.read_text(errors='replace')[-2000:]}")


def build_big_input(src: Path, dst: Path) -> tuple[int, int]:
    """Concatenate src until the result is >= THROUGHPUT_MIN_BYTES; reuse dst if it matches."""
    data = src.read_bytes()
    copies = -(-THROUGHPUT_MIN_BYTES // len(data))  # ceiling division
    want = data * copies
    if not dst.exists() or dst.stat().st_size != len(want) or dst.read_bytes() != want:
        dst.write_bytes(want)
    return len(want), copies


def oov_punct(gold: Path, vocab: set[str]) -> int:
    """Gold OOV tokens made only of punctuation/symbols (Unicode categories P*, S*)."""
    return sum(1 for line in score.read_lines(str(gold)) for w in line.split()
               if w not in vocab and all(unicodedata.category(c)[0] in "PS" for c in w))


def cmd_out(argv: list[str]) -> str:
    return subprocess.run(argv, capture_output=True, text=True).stdout.strip()


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8", errors="replace"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def peer_versions() -> str:
    from importlib.metadata import version
    return f"jieba {version('jieba')}, rjieba {version('rjieba')}, Python {sys.version.split()[0]}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="shared data folder (has segmentation/, jieba/)")
    ap.add_argument("--kefu", required=True, help="path to the kefu binary")
    ap.add_argument("--work", default=str(HERE / "work"), help="scratch folder (git-ignored)")
    a = ap.parse_args()

    data, seg, work = Path(a.data), Path(a.data) / "segmentation", Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    become_subreaper()
    errlog = work / "stderr.log"

    # Gold sets: (name, raw, gold, known-word list for OOV).
    log("loading vocabularies")
    sets = [
        ("MSR", seg / "msr_test.utf8", seg / "msr_test_gold.utf8",
         score.load_vocab(str(seg / "msr_training_words.utf8"))),
        ("UD", seg / "ud_gsdsimp_dev_raw.txt", seg / "ud_gsdsimp_dev_gold.txt",
         score.load_vocab(str(data / "jieba" / "dict.txt"))),
    ]
    # Gold lines that don't match their raw line char-for-char are lost for every system.
    baseline = {name: score.score(score.read_lines(str(gold)), score.read_lines(str(raw)), vocab)
                for name, raw, gold, vocab in sets}
    punct = {name: oov_punct(gold, vocab) for name, _, gold, vocab in sets}

    big = work / "throughput_input.utf8"
    big_bytes, copies = build_big_input(seg / "msr_test.utf8", big)

    rows = []
    for label, argv in systems(a.kefu):
        row = {"label": label}
        slug = label.replace(" ", "_")
        for name, raw, gold, vocab in sets:
            log(f"{label}: segmenting {name}")
            out = work / f"{slug}.{name}.txt"
            segment(argv, raw, out, errlog)
            s = score.score_files(str(gold), str(out), vocab, label=f"{label} {name}")
            row[name] = s

        log(f"{label}: throughput, {THROUGHPUT_RUNS} runs on {big_bytes / 1e6:.1f} MB")
        runs = [measured_run(argv, big, errlog) for _ in range(THROUGHPUT_RUNS)]
        row["mbps"] = big_bytes / 1e6 / min(w for w, _ in runs)
        row["rss"] = max(r for _, r in runs)

        log(f"{label}: cold start, 1 warm-up + {COLD_RUNS} runs")
        hello = "你好\n".encode("utf-8")
        cold_run(argv, hello, errlog)  # warm-up (also builds jieba's /tmp cache)
        row["cold_ms"] = 1000 * statistics.median(
            cold_run(argv, hello, errlog) for _ in range(COLD_RUNS))
        rows.append(row)

    ref = next(r["mbps"] for r in rows if r["label"] == "rjieba")

    # ---- report -------------------------------------------------------------------------
    nproc = len(os.sched_getaffinity(0))  # what `nproc` says (it would obey OMP_NUM_THREADS)
    print("# Segmentation benchmark")
    print()
    print(f"{cmd_out(['date', '-u'])} · {cmd_out(['uname', '-m'])}, {nproc} cores, {cpu_model()} · "
          f"throughput input {big_bytes:,} bytes ({copies} × msr_test.utf8) · {peer_versions()}")
    print()
    head = ["system", "MSR P", "MSR R", "MSR F1", "MSR OOV-R", "UD P", "UD R", "UD F1",
            "UD OOV-R", "MB/s", "× rjieba", "cold start ms", "peak RSS MB"]
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join([":---"] + ["---:"] * (len(head) - 1)) + "|")
    for r in rows:
        cells = [r["label"]]
        for name in ("MSR", "UD"):
            s = r[name]
            cells += [f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.f1:.4f}", f"{s.oov_recall:.4f}"]
        cells += [f"{r['mbps']:.1f}", f"{r['mbps'] / ref:.2f}", f"{r['cold_ms']:.1f}",
                  f"{r['rss']:.1f}"]
        print("| " + " | ".join(cells) + " |")

    msr, ud = baseline["MSR"], baseline["UD"]
    print()
    print("Notes:")
    print("- P, R, F1: word-level precision, recall and F1. Each line's words become character "
          "spans (offsets with whitespace removed); a system word is correct if gold has the "
          "same span. A line whose characters differ from gold scores no correct words.")
    print(f"- MSR: SIGHAN 2005 MSR test, {msr.gold_words:,} gold words. "
          f"{msr.mismatched_lines} lines of the official gold don't match the raw text "
          f"character for character (quotation marks moved across line breaks), so their "
          f"{msr.mismatched_gold_words:,} gold words are lost for every system (recall "
          f"ceiling {1 - msr.mismatched_gold_words / msr.gold_words:.4f}).")
    print(f"- UD: Universal Dependencies Chinese GSD (simplified) dev, {ud.gold_words:,} gold "
          f"words ({ud.mismatched_lines} gold lines differ from the raw text).")
    print(f"- MSR OOV-R: recall of gold word tokens not in the MSR training word list "
          f"({msr.oov_gold:,} tokens, {msr.oov_gold / msr.gold_words:.1%} of gold, "
          f"{punct['MSR']:,} of them punctuation/symbols).")
    print(f"- UD OOV-R: UD has no training list, so OOV here means a gold word token not in "
          f"jieba's dictionary (first column of jieba/dict.txt) ({ud.oov_gold:,} tokens, "
          f"{ud.oov_gold / ud.gold_words:.1%} of gold). The dictionary has no punctuation, so "
          f"{punct['UD']:,} of these are punctuation/symbol tokens; the rest are numbers, "
          f"Latin words and Chinese words jieba lacks.")
    print(f"- MB/s: input bytes / 1e6 / wall seconds of the whole process `cmd < input > "
          f"/dev/null` (start-up and dictionary load included), best of {THROUGHPUT_RUNS}; "
          f"RAYON_NUM_THREADS=1, OMP_NUM_THREADS=1. × rjieba: MB/s relative to rjieba.")
    print(f"- cold start ms: wall time of `echo 你好 | cmd`, median of {COLD_RUNS} runs after "
          f"one warm-up (jieba then loads its prefix dict from its /tmp cache).")
    print("- peak RSS MB: max resident set size of the process over the throughput runs "
          "(ru_maxrss from wait4, MiB; the process is started by a tiny sh so the harness's "
          "own memory doesn't count).")
    print("- jieba and rjieba run as Python scripts (peer_jieba.py, peer_rjieba.py), so their "
          "times and memory include the Python interpreter.")


if __name__ == "__main__":
    main()
