"""The dialogue benchmark: customer lines and scripted conversations written independently of the
demo bot (Benchmarks/dialogue/data), put to `kefu serve --stdio` on the demo bot; each reply's
`source` (the intent, knowledge-base entry or table it came from) is mapped to a topic by
topic-map.yml and compared with the line's label. Prints markdown.

A line is on topic when its reply comes from something of its topic; an `anger` line when it gets
the apology or a hand-off; a `human` line when it is handed off. A wrong hand-off is a hand-off
(or the apology for anger) on any other line. With --peer-python, a plain TF-IDF + logistic
regression topic classifier trained on the same bot content (examples and questions labelled
through the same map) is scored on the same lines, for scale.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness_common import kefu_version, log, machine  # noqa: E402

NOW = "2026-11-28T10:00:00+08:00"
SPECIAL = {"anger", "human"}


def load_lines(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if number == 1 and line.endswith("topic"):
                continue
            if line.strip():
                text, topic = line.rsplit("\t", 1)
                rows.append((text, topic.strip()))
    return rows


class TopicMap:
    def __init__(self, path):
        data = yaml.safe_load(open(path, encoding="utf-8"))
        self.intents = {k: self._list(v) for k, v in (data.get("intents") or {}).items()}
        self.entries = {k: self._list(v) for k, v in (data.get("entries") or {}).items()}
        self.slots = data.get("asks_for") or {}

    @staticmethod
    def _list(value):
        return value if isinstance(value, list) else [value]

    def topics(self, reply):
        """The topics a reply is about, from its source; `anger` for the apology or an anger hand-off, `human` for a hand-off asked for."""
        source = reply.get("source") or {}
        kind = source.get("kind")
        if kind == "knowledge_base":
            return self.entries.get(source.get("entry"), ["?" + str(source.get("entry"))])
        if kind in ("intent", "table"):
            return self.intents.get(source.get("intent"), ["?" + str(source.get("intent"))])
        if kind == "handoff":
            return ["human", "anger"] if source.get("reason") in ("anger", "asked") else ["handoff"]
        if kind == "message" and source.get("message") == "frustration":
            return ["anger"]
        return [kind or "none"]


def serve(kefu, bot, requests):
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in requests) + "\n"
    out = subprocess.run([kefu, "serve", "--stdio", "--bot", bot], input=lines, capture_output=True, text=True, check=True)
    replies = [json.loads(line) for line in out.stdout.splitlines()]
    if len(replies) != len(requests):
        raise SystemExit(f"kefu answered {len(replies)} of {len(requests)} requests")
    return replies


def is_apology_or_handoff(reply):
    source = reply.get("source") or {}
    return reply.get("handoff") or (source.get("kind") == "message" and source.get("message") == "frustration")


def score_lines(kefu, bot, lines, topics):
    requests = [{"session": f"line-{n}", "text": text, "now": NOW} for n, (text, _) in enumerate(lines)]
    replies = serve(kefu, bot, requests)
    results = []
    for (text, topic), reply in zip(lines, replies):
        got = topics.topics(reply)
        if topic == "anger":
            ok = bool(is_apology_or_handoff(reply))
        elif topic == "human":
            ok = bool(reply.get("handoff"))
        else:
            ok = topic in got
        wrong_handoff = topic not in SPECIAL and bool(is_apology_or_handoff(reply))
        results.append({"text": text, "topic": topic, "ok": ok, "got": got, "reply": reply, "wrong_handoff": wrong_handoff})
    return results


def asks(reply, state, what, topics):
    """Whether the reply asks the customer for `what`: the pending question after it."""
    pending = (state or {}).get("pending") or ""
    if what == "confirmation":
        return pending == "confirmation" or pending.startswith("offer:")
    names = topics.slots.get(what, [what])
    return any(pending in (f"slot:{n}", f"reuse:{n}") for n in names)


def score_conversations(kefu, bot, conversations, topics):
    requests, where = [], []
    for c, conversation in enumerate(conversations):
        for t, turn in enumerate(conversation["turns"]):
            session = f"conv-{c}"
            requests.append({"session": session, "text": str(turn["user"]), "now": NOW})
            requests.append({"session": session, "command": "state"})
            where.append((c, t))
    answers = serve(kefu, bot, requests)
    results = []
    for (c, t), reply, state in zip(where, answers[0::2], answers[1::2]):
        turn = conversations[c]["turns"][t]
        expect = turn.get("expect") or {}
        state = state.get("state")
        failures = []
        topic = expect.get("topic")
        if topic:
            got = topics.topics(reply)
            ok = is_apology_or_handoff(reply) if topic == "anger" else (reply.get("handoff") if topic == "human" else topic in got)
            if not ok:
                failures.append(f"topic {topic} (got {'/'.join(got)})")
        for part in expect.get("contains") or []:
            if str(part) not in reply["reply"]:
                failures.append(f"contains {part}")
        for part in expect.get("not_contains") or []:
            if str(part) in reply["reply"]:
                failures.append(f"not_contains {part}")
        if "handoff" in expect and bool(expect["handoff"]) != bool(reply.get("handoff")):
            failures.append(f"handoff {expect['handoff']}")
        if expect.get("asks_for") and not asks(reply, state, expect["asks_for"], topics):
            failures.append(f"asks_for {expect['asks_for']} (pending {(state or {}).get('pending')})")
        if expect.get("not_asks_for") and expect["not_asks_for"] != "confirmation":
            names = topics.slots.get(expect["not_asks_for"], [expect["not_asks_for"]])
            if ((state or {}).get("pending") or "") in [f"slot:{n}" for n in names]:
                failures.append(f"not_asks_for {expect['not_asks_for']}")
        results.append({"conversation": conversations[c]["name"], "turn": t + 1, "user": turn["user"],
                        "failures": failures, "reply": reply["reply"]})
    return results


def peer_topic_classifier(peer_python, bot, topics_path, lines):
    """On-topic share of TF-IDF (characters 1–3) + logistic regression trained on the bot's examples and questions."""
    script = os.path.join(os.path.dirname(__file__), "peer_classifier.py")
    payload = json.dumps({"bot": bot, "topics": topics_path, "lines": [t for t, _ in lines]}, ensure_ascii=False)
    out = subprocess.run([peer_python, script], input=payload, capture_output=True, text=True)
    if out.returncode != 0:
        log(f"peer classifier failed: {out.stderr.strip()[-300:]}")
        return None
    predicted = json.loads(out.stdout)
    hits = sum(1 for (_, topic), guess in zip(lines, predicted) if guess == topic)
    return hits / len(lines) if lines else None


def pct(part, whole):
    return f"{100 * part / whole:.1f} %" if whole else "–"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kefu", required=True)
    parser.add_argument("--bot", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--topics", required=True)
    parser.add_argument("--splits", default="tune,tune2,tune3,heldout")
    parser.add_argument("--peer-python")
    parser.add_argument("--show-misses", action="store_true", help="list every missed line of the tuning splits (never the held-out one)")
    args = parser.parse_args()
    topics = TopicMap(args.topics)

    print(f"{kefu_version()}; {machine()}.")
    print()
    print("| split | lines | on topic | wrong hand-offs (neutral lines apologised to or handed off) | angry lines apologised to or handed off | conversation turns passed | conversations all passed |" + (" peer: TF-IDF + LR topic classifier |" if args.peer_python else ""))
    print("|---|---:|---:|---:|---:|---:|---:|" + ("---:|" if args.peer_python else ""))
    per_split = {}
    for split in args.splits.split(","):
        lines_path = os.path.join(args.data, f"lines-{split}.tsv")
        conv_path = os.path.join(args.data, f"conversations-{split}.yml")
        lines = load_lines(lines_path) if os.path.exists(lines_path) else []
        conversations = yaml.safe_load(open(conv_path, encoding="utf-8")) if os.path.exists(conv_path) else []
        log(f"{split}: {len(lines)} lines, {len(conversations)} conversations")
        line_results = score_lines(args.kefu, args.bot, lines, topics) if lines else []
        conv_results = score_conversations(args.kefu, args.bot, conversations, topics) if conversations else []
        per_split[split] = (line_results, conv_results)
        neutral = [r for r in line_results if r["topic"] not in SPECIAL]
        angry = [r for r in line_results if r["topic"] == "anger"]
        by_conv = collections.defaultdict(list)
        for r in conv_results:
            by_conv[r["conversation"]].append(not r["failures"])
        row = (f"| {split} | {len(line_results)} | {pct(sum(r['ok'] for r in line_results), len(line_results))} "
               f"| {sum(r['wrong_handoff'] for r in neutral)} of {len(neutral)} "
               f"| {sum(r['ok'] for r in angry)} of {len(angry)} "
               f"| {sum(not r['failures'] for r in conv_results)} of {len(conv_results)} "
               f"| {sum(all(v) for v in by_conv.values())} of {len(by_conv)} |")
        if args.peer_python:
            share = peer_topic_classifier(args.peer_python, args.bot, args.topics, [(r["text"], r["topic"]) for r in line_results])
            row += f" {'–' if share is None else f'{100 * share:.1f} %'} |"
        print(row)
    print()
    for split, (line_results, conv_results) in per_split.items():
        print(f"### Misses by topic ({split})")
        print()
        print("| topic | lines | missed | answered instead with |")
        print("|---|---:|---:|---|")
        by_topic = collections.defaultdict(list)
        for r in line_results:
            by_topic[r["topic"]].append(r)
        for topic in sorted(by_topic):
            rows = by_topic[topic]
            missed = [r for r in rows if not r["ok"]]
            instead = collections.Counter("/".join(r["got"]) for r in missed)
            print(f"| {topic} | {len(rows)} | {len(missed)} | {', '.join(f'{k} ×{v}' if v > 1 else k for k, v in instead.most_common())} |")
        print()
        if args.show_misses and split != "heldout":
            print(f"#### Missed lines ({split})")
            print()
            for r in line_results:
                if not r["ok"] or r["wrong_handoff"]:
                    src = r["reply"].get("source", {})
                    und = r["reply"].get("understood") or {}
                    print(f"- [{r['topic']}] {r['text']} → {'/'.join(r['got'])} ({src}; read {und.get('intent')} {und.get('confidence')}) 「{r['reply']['reply'][:40]}」")
            print()
            for r in conv_results:
                if r["failures"]:
                    print(f"- conv {r['conversation']} turn {r['turn']} 「{r['user']}」: {'; '.join(r['failures'])} 「{r['reply'][:60]}」")
            print()
        failed_turns = [r for r in conv_results if r["failures"]]
        if failed_turns and split == "heldout":
            kinds = collections.Counter(f.split(" ")[0] for r in failed_turns for f in r["failures"])
            print(f"Failed checks in {split} conversations, by kind: " + ", ".join(f"{k} ×{v}" for k, v in kinds.most_common()) + ".")
            print()


if __name__ == "__main__":
    main()
