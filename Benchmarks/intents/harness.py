#!/usr/bin/env python3
"""Intent benchmark harness, called by run.sh (run it with the Benchmarks venv's python).

Prepares three tasks into --work, runs kefu (`kefu eval intents --json`) and the peers on each,
and prints a markdown report on stdout; progress goes to stderr.

  SMP2017    train -> develop (Chinese, 31 intents)
  BANKING77  train split 80/20: random.Random(13).shuffle of the data rows, first 80 % train
  CLINC150   train + oos_train -> val + oos_val (150 intents + `oos`)

Peers (PyPI, in the venv):
  tfidf+LR    scikit-learn TF-IDF (word 1-2 grams, jieba words for Chinese, lower-cased; plus
              char_wb 1-4 grams; sublinear tf) + LogisticRegression(C=10)
  tfidf+SVM   the same features + LinearSVC(C=1)
  fastText    fasttext-numpy2 supervised: epoch 25, lr 0.5, dim 100, wordNgrams 2, minn 2,
              maxn 4, softmax, thread 1, seed 13; jieba-tokenised Chinese, lower-cased text
  tfidf+LR+threshold  (CLINC150 only) that LR, where a top probability below a threshold means
              `oos`; the threshold is tuned on a stratified 20 % of the training set
"""
import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from harness_common import cell, kefu_version, log, machine  # noqa: E402

SEED = 13
OOS = "oos"



# ---------------------------------------------------------------------------------------------
# Data

def read_tsv(path: Path) -> list[tuple[str, str]]:
    """`text<TAB>label` rows, header skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            text, label = line.rsplit("\t", 1)
            if number == 1 and label == "label":
                continue
            rows.append((text, label))
    return rows


def write_tsv(path: Path, rows: list[tuple[str, str]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("text\tlabel\n")
        for text, label in rows:
            f.write(f"{text}\t{label}\n")


def prepare(data: Path, work: Path) -> list[dict]:
    """Writes each task's train.tsv and test.tsv under work/ and describes the tasks."""
    intents = data / "intents"
    tasks = []

    smp = (read_tsv(intents / "smp2017/train.tsv"), read_tsv(intents / "smp2017/develop.tsv"))
    tasks.append(dict(name="SMP2017", split="train → develop", lang="zh", oos=None, data=smp))

    banking = read_tsv(intents / "banking77/train.tsv")
    random.Random(SEED).shuffle(banking)
    cut = int(len(banking) * 0.8)
    tasks.append(dict(name="BANKING77", split="train 80 % → held-out 20 % (seed 13)", lang="en", oos=None,
                      data=(banking[:cut], banking[cut:])))

    clinc = (read_tsv(intents / "clinc150/train.tsv") + read_tsv(intents / "clinc150/oos_train.tsv"),
             read_tsv(intents / "clinc150/val.tsv") + read_tsv(intents / "clinc150/oos_val.tsv"))
    tasks.append(dict(name="CLINC150", split="train + oos_train → val + oos_val", lang="en", oos=OOS, data=clinc))

    for task in tasks:
        folder = work / task["name"].lower()
        folder.mkdir(parents=True, exist_ok=True)
        train, test = task["data"]
        write_tsv(folder / "train.tsv", train)
        write_tsv(folder / "test.tsv", test)
        task["train_path"], task["test_path"] = folder / "train.tsv", folder / "test.tsv"
        log(f"{task['name']}: {len(train)} train, {len(test)} test lines")
    return tasks


# ---------------------------------------------------------------------------------------------
# Measures (the same definitions as kefu's: see Sources/IntentMatching/Evaluation)

def measures(gold: list[str], predicted: list[str], oos: str | None) -> dict:
    from sklearn.metrics import f1_score
    result = dict(
        accuracy=sum(g == p for g, p in zip(gold, predicted)) / len(gold),
        macro_f1=float(f1_score(gold, predicted, average="macro", zero_division=0)),
    )
    if oos:
        inside = [(g, p) for g, p in zip(gold, predicted) if g != oos]
        outside = [(g, p) for g, p in zip(gold, predicted) if g == oos]
        result["in_scope_accuracy"] = sum(g == p for g, p in inside) / len(inside)
        result["oos_recall"] = sum(p == oos for _, p in outside) / len(outside)
    return result


# ---------------------------------------------------------------------------------------------
# Peers

def words_zh(text: str) -> list[str]:
    import jieba
    return [w for w in jieba.lcut(text.lower()) if w.strip()]


def tfidf_features(lang: str):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion
    if lang == "zh":
        words = TfidfVectorizer(tokenizer=words_zh, token_pattern=None, lowercase=False, ngram_range=(1, 2), sublinear_tf=True)
    else:
        words = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", lowercase=True, ngram_range=(1, 2), sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), lowercase=True, sublinear_tf=True)
    return FeatureUnion([("words", words), ("chars", chars)])


def make_lr():
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=10, max_iter=1000)


def make_svm():
    from sklearn.svm import LinearSVC
    return LinearSVC(C=1.0, random_state=SEED)


def timed_predictions(predict_one, texts: list[str]) -> tuple[list[str], float]:
    """Predicts one text at a time (as a bot does); returns predictions and µs per query."""
    start = time.perf_counter()
    predicted = [predict_one(text) for text in texts]
    return predicted, (time.perf_counter() - start) * 1e6 / len(texts)


def fit(task: dict, make_classifier, rows=None):
    """A TF-IDF pipeline fitted on `rows` (default: the task's training rows) and its seconds."""
    from sklearn.pipeline import make_pipeline
    rows = task["data"][0] if rows is None else rows
    start = time.perf_counter()
    model = make_pipeline(tfidf_features(task["lang"]), make_classifier())
    model.fit([t for t, _ in rows], [l for _, l in rows])
    return model, time.perf_counter() - start


def fitted_lr(task: dict):
    """The task's LogisticRegression pipeline, fitted once and shared by both LR rows."""
    if "lr" not in task:
        task["lr"] = fit(task, make_lr)
    return task["lr"]


def batch_note(model, texts: list[str]) -> str:
    start = time.perf_counter()
    model.predict(texts)
    return f"batch {(time.perf_counter() - start) * 1e6 / len(texts):.1f} µs"


def run_sklearn(task: dict, make_classifier) -> dict:
    test = task["data"][1]
    texts = [t for t, _ in test]
    model, seconds = fitted_lr(task) if make_classifier is make_lr else fit(task, make_classifier)
    predicted, us = timed_predictions(lambda text: model.predict([text])[0], texts)
    result = dict(measures([l for _, l in test], predicted, task["oos"]), train_seconds=seconds, us_per_query=us)
    result["note"] = batch_note(model, texts)
    return result


def top_choices(model, texts: list[str]) -> list[tuple[str, float]]:
    """The most probable class of each text and its probability."""
    probabilities = model.predict_proba(texts)
    tops = probabilities.argmax(axis=1)
    return [(model.classes_[top], float(probabilities[row, top])) for row, top in enumerate(tops)]


def with_threshold(choice: tuple[str, float], threshold: float) -> str:
    label, probability = choice
    return OOS if label == OOS or probability < threshold else label


def tuned_threshold(task: dict) -> tuple[float, float]:
    """The max-probability threshold that maximises (in-scope accuracy + OOS recall) / 2 on a
    stratified 20 % of the training set, with LR fitted on the other 80 %; and that fit's seconds."""
    import numpy as np
    from sklearn.model_selection import train_test_split
    train = task["data"][0]
    fit_rows, held_rows = train_test_split(train, test_size=0.2, random_state=SEED, stratify=[l for _, l in train])
    model, seconds = fit(task, make_lr, fit_rows)
    choices = top_choices(model, [t for t, _ in held_rows])
    gold = [l for _, l in held_rows]
    best = (0.0, -1.0)
    for threshold in np.arange(0.0, 1.0, 0.01):
        m = measures(gold, [with_threshold(c, threshold) for c in choices], OOS)
        score = (m["in_scope_accuracy"] + m["oos_recall"]) / 2
        if score > best[1] + 1e-12:
            best = (float(threshold), score)
    return best[0], seconds


def run_lr_threshold(task: dict) -> dict:
    test = task["data"][1]
    threshold, tuning_seconds = tuned_threshold(task)
    model, seconds = fitted_lr(task)
    predicted, us = timed_predictions(lambda text: with_threshold(top_choices(model, [text])[0], threshold),
                                      [t for t, _ in test])
    result = dict(measures([l for _, l in test], predicted, task["oos"]), train_seconds=seconds + tuning_seconds,
                  us_per_query=us)
    result["note"] = f"threshold {threshold:.2f}"
    return result


def fasttext_text(text: str, lang: str) -> str:
    if lang == "zh":
        return " ".join(words_zh(text))
    return " ".join(re.findall(r"\w+|[^\w\s]", text.lower()))


def run_fasttext(task: dict) -> dict:
    import fasttext
    train, test = task["data"]
    lang = task["lang"]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        for text, label in train:
            f.write(f"__label__{label} {fasttext_text(text, lang)}\n")
        path = f.name
    try:
        start = time.perf_counter()
        model = fasttext.train_supervised(input=path, epoch=25, lr=0.5, dim=100, wordNgrams=2, minn=2, maxn=4,
                                          loss="softmax", thread=1, seed=SEED, verbose=0)
        seconds = time.perf_counter() - start
    finally:
        os.unlink(path)

    def predict_one(text: str) -> str:
        return model.predict(fasttext_text(text, lang))[0][0][len("__label__"):]

    texts = [t for t, _ in test]
    predicted, us = timed_predictions(predict_one, texts)
    result = dict(measures([l for _, l in test], predicted, task["oos"]), train_seconds=seconds, us_per_query=us)
    start = time.perf_counter()
    model.predict([fasttext_text(text, lang) for text in texts])
    result["note"] = f"batch {(time.perf_counter() - start) * 1e6 / len(texts):.1f} µs"
    return result


def run_kefu(task: dict, kefu: str) -> dict:
    argv = [kefu, "eval", "intents", "--train", str(task["train_path"]), "--test", str(task["test_path"]), "--json"]
    if task["oos"]:
        argv += ["--oos-label", task["oos"]]
    process = subprocess.run(argv, capture_output=True, text=True)
    if process.returncode != 0:
        raise RuntimeError(f"exit {process.returncode}: {process.stderr.strip()[-500:]}")
    report = json.loads(process.stdout)
    result = dict(accuracy=report["accuracy"], macro_f1=report["macro_f1"],
                  train_seconds=report["train_seconds"], us_per_query=report["predict_us_per_query"],
                  note=f"model {report['model_hash'][:12]}")
    if task["oos"]:
        result["in_scope_accuracy"] = report["in_scope_accuracy"]
        result["oos_recall"] = report["oos_recall"]
    return result


# ---------------------------------------------------------------------------------------------
# Report

def versions(kefu: str | None) -> str:
    import jieba
    import numpy
    import sklearn
    try:
        from importlib.metadata import version
        fasttext_version = version("fasttext-numpy2")
    except Exception:
        fasttext_version = "?"
    parts = [f"Python {platform.python_version()}", f"scikit-learn {sklearn.__version__}", f"numpy {numpy.__version__}",
             f"fasttext-numpy2 {fasttext_version}", f"jieba {jieba.__version__}"]
    if kefu:
        parts.insert(0, kefu_version())
    return "; ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--kefu", help="the kefu binary; leave out to run the peers only")
    parser.add_argument("--work", required=True, type=Path)
    args = parser.parse_args()

    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()   # load the dictionary before any clock starts

    tasks = prepare(args.data, args.work)
    systems = []
    if args.kefu:
        systems.append(("kefu", lambda task: run_kefu(task, args.kefu), False))
    systems += [
        ("tfidf+LR", lambda task: run_sklearn(task, make_lr), False),
        ("tfidf+LR+threshold", run_lr_threshold, True),
        ("tfidf+SVM", lambda task: run_sklearn(task, make_svm), False),
        ("fastText", run_fasttext, False),
    ]
    rows = []
    for task in tasks:
        for name, run, oos_only in systems:
            if oos_only and not task["oos"]:
                continue
            log(f"{task['name']}: {name}")
            try:
                result = run(task)
            except Exception as error:   # a failing system is reported, the others still run
                log(f"{task['name']}: {name} failed: {error}")
                result = dict(failed=str(error).splitlines()[0][:120] if str(error) else type(error).__name__)
            rows.append((task, name, result))
            log(f"  {json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()})}")

    out = []
    out.append("# Intent classification benchmark: kefu vs scikit-learn and fastText\n")
    out.append(f"- Date: {time.strftime('%Y-%m-%d %H:%M %Z')}")
    out.append(f"- Machine: {machine()}")
    out.append(f"- Versions: {versions(args.kefu)}")
    out.append("- Command: `Benchmarks/intents/run.sh`\n")
    out.append("| task | system | accuracy | macro-F1 | in-scope acc. | OOS recall | train s | µs / query | note |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for task, name, r in rows:
        if "failed" in r:
            out.append(f"| {task['name']} | {name} | failed | | | | | | {r['failed'].replace('|', '/')} |")
            continue
        out.append(f"| {task['name']} | {name} | {cell(r['accuracy'])} | {cell(r['macro_f1'])} | "
                   f"{cell(r.get('in_scope_accuracy'))} | {cell(r.get('oos_recall'))} | "
                   f"{cell(r['train_seconds'], 2)} | {cell(r['us_per_query'], 1)} | {r.get('note', '')} |")
    out.append("")
    out.append("Tasks (from `../shared/data/intents`, prepared into `Benchmarks/intents/work/`):")
    for task in tasks:
        train, test = task["data"]
        out.append(f"- **{task['name']}** ({task['lang']}): {task['split']}; {len(train)} train, {len(test)} test lines"
                   + (f"; out-of-scope label `{task['oos']}`" if task["oos"] else ""))
    out.append("""
Methodology:
- Every system is trained on the same train file and scored on the same test file with the same
  measures: accuracy over all test lines; macro-F1 = unweighted mean F1 over every label that is a
  gold label or a prediction (scikit-learn `f1_score(average="macro")`), with `oos` one of the
  classes on CLINC150; in-scope accuracy = in-scope lines predicted exactly right (a rejection
  counts wrong); OOS recall = `oos` lines rejected. kefu rejects a line by predicting no intent,
  which counts as `oos`; the peers other than `tfidf+LR+threshold` only have `oos` as a trained
  class (100 training lines).
- train s: wall time of fitting (features + classifier; fastText: `train_supervised` on a file
  written beforehand; jieba's dictionary is loaded before the clock starts, as is kefu's
  segmenter). kefu's figure is `train_seconds` from `kefu eval intents --json`, which includes
  its out-of-scope tuning.
- µs / query: wall time of predicting every test line one call at a time, single thread, over
  the line count (for the Python peers this includes the per-call overhead of scikit-learn /
  the fastText binding, as a bot calling them per message would pay).
- Peer settings were fixed beforehand, not tuned on the test sets: TF-IDF word 1–2 grams
  (jieba words for Chinese, lower-cased) + `char_wb` 1–4 grams, sublinear tf;
  LogisticRegression(C=10, lbfgs); LinearSVC(C=1); fastText epoch 25, lr 0.5, dim 100,
  wordNgrams 2, minn 2, maxn 4, softmax, thread 1, seed 13 (jieba-tokenised Chinese;
  lower-cased English split into words and punctuation).
- `tfidf+LR+threshold` (CLINC150): the LR above, where a top probability below a threshold means
  `oos`; the threshold maximises (in-scope accuracy + OOS recall) / 2 on a stratified 20 % of
  the training set (seed 13) predicted by an LR fitted on the other 80 %; its train s is both
  fits. (One held-out split rather than k-fold cross-validation keeps the run short.)
- note "batch": the same model predicting the whole test set in one call, per line.
""")
    print("\n".join(out))
    return 0 if all("failed" not in r for _, _, r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
