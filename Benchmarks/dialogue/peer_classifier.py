"""Peer for the dialogue benchmark: a plain topic classifier over the same bot content — every
intent example and knowledge-base question of the bot, labelled with its topic through
topic-map.yml — TF-IDF over character 1–3-grams and logistic regression (scikit-learn). Reads
{"bot","topics","lines"} as JSON on stdin, prints the predicted topics as a JSON list."""

import glob
import json
import os
import sys

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression


def first(value):
    return value[0] if isinstance(value, list) else value


def main():
    job = json.load(sys.stdin)
    topics = yaml.safe_load(open(job["topics"], encoding="utf-8"))
    texts, labels = [], []
    for path in sorted(glob.glob(os.path.join(job["bot"], "intents", "*.yml"))):
        for intent in (yaml.safe_load(open(path, encoding="utf-8")) or {}).get("intents") or []:
            topic = topics["intents"].get(intent["name"])
            if topic:
                texts += [str(e) for e in intent.get("examples") or []]
                labels += [first(topic)] * len(intent.get("examples") or [])
    for path in sorted(glob.glob(os.path.join(job["bot"], "knowledge-base", "*.yml"))):
        for entry in yaml.safe_load(open(path, encoding="utf-8")) or []:
            topic = topics["entries"].get(entry["id"])
            if topic:
                texts += [str(q) for q in entry.get("questions") or []]
                labels += [first(topic)] * len(entry.get("questions") or [])
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    model = LogisticRegression(max_iter=2000, C=10)
    model.fit(vectorizer.fit_transform(texts), labels)
    print(json.dumps(list(model.predict(vectorizer.transform(job["lines"]))), ensure_ascii=False))


if __name__ == "__main__":
    main()
