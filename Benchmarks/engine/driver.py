#!/usr/bin/env python3
"""Drives `kefu serve --stdio` for Benchmarks/engine/run.sh (standard library only).

Every request line is built here from customer lines we wrote for the demo shop bot; order
numbers come from knowledge-base/tables/orders.csv. Prints one markdown report on stdout.
"""
import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time

# Customer lines typical of the demo bot, by kind. {order} is an order number from orders.csv.
OPENERS = {
    "order": ["我的订单到哪了", "快递怎么还没到啊", "帮我查下订单 {order}", "where is my order {order}", "查一下物流",
              "订单{order}发货了吗", "我买的东西什么时候到", "my package hasn't arrived yet"],
    "return": ["我想退货", "这个耳机不想要了能退吗", "申请退货 订单{order}", "i want to return my order", "衣服尺码不合适想退",
               "退货怎么弄"],
    "cancel": ["取消订单", "帮我把订单{order}取消了", "cancel my order please", "下错单了要取消"],
    "faq": ["运费怎么算", "满多少包邮", "可以开发票吗", "退款多久到账", "七天无理由退货吗", "会员有什么权益", "优惠券怎么用",
            "保修期多久", "怎么修改收货地址", "支付失败了怎么办", "忘记密码怎么办", "你们会泄露我的个人信息吗",
            "how long does a refund take", "发票能开公司抬头吗", "那运费呢"],
    "smalltalk": ["你好", "在吗", "谢谢", "好的谢谢", "再见", "hello", "thanks a lot", "你是机器人吗", "你能做什么"],
    "nonsense": ["今天天气怎么样", "讲个笑话", "asdfgh", "啊啊啊", "1加1等于几", "推荐一部电影", "？？？", "qwerty 123"],
    "mixed": ["我的order到哪了", "refund 什么时候到账", "能不能 cancel 订单", "invoice 怎么开", "物流 tracking 查不到"],
    "upset": ["你们怎么回事！！！", "太慢了我要投诉", "转人工", "找真人客服", "垃圾服务"],
}
FOLLOW_UPS = ["{order}", "是的", "确认", "不用了", "好的", "对", "那运费呢", "多久能到", "{order}"]


def orders(bot):
    with open(os.path.join(bot, "knowledge-base", "tables", "orders.csv"), encoding="utf-8") as handle:
        return [row["order_id"] for row in csv.DictReader(handle)]


def customer_lines(bot, sessions, requests, seed=1):
    """`requests` request objects from `sessions` sessions, interleaved at random; each session
    alternates openers with follow-ups (order numbers, yes/no) like a real conversation."""
    rng = random.Random(seed)
    numbers = orders(bot) + ["1234567890123", "20990101000000"]   # a 13-digit one and an unknown one
    kinds = list(OPENERS)
    weights = [4, 3, 2, 5, 3, 1, 1, 1]
    out = []
    for _ in range(requests):
        session = "c%03d" % rng.randrange(sessions)
        if rng.random() < 0.35:
            text = rng.choice(FOLLOW_UPS)
        else:
            text = rng.choice(OPENERS[rng.choices(kinds, weights)[0]])
        out.append({"session": session, "text": text.replace("{order}", rng.choice(numbers))})
    return out


def encode(request):
    return (json.dumps(request, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


class Server:
    """A running `kefu serve --stdio`; its peak RSS comes from wait4 when it ends."""

    def __init__(self, kefu, bot, store=None):
        args = [kefu, "serve", "--stdio", "--bot", bot] + (["--store", store] if store else [])
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        self.buffer = b""

    def send(self, data):
        self.proc.stdin.write(data)

    def read_line(self):
        while b"\n" not in self.buffer:
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise RuntimeError("kefu ended early: " + self.proc.stderr.read().decode(errors="replace"))
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def read_lines(self, count):
        lines = []
        while len(lines) < count:
            while self.buffer.count(b"\n") == 0:
                chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
                if not chunk:
                    raise RuntimeError("kefu ended after %d lines: %s" % (len(lines), self.proc.stderr.read().decode(errors="replace")))
                self.buffer += chunk
            parts = self.buffer.split(b"\n")
            self.buffer = parts.pop()
            lines.extend(parts)
        return lines

    def finish(self):
        """Closes stdin, drains stdout; returns (exit status, peak RSS in MB, leftover lines)."""
        self.proc.stdin.close()
        rest = self.buffer + self.proc.stdout.read()
        self.proc.stderr.read()
        _, status, usage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        return self.proc.returncode, usage.ru_maxrss / 1024.0, [l for l in rest.split(b"\n") if l]


def pipelined(kefu, bot, lines, store=None):
    """Start-up to first reply, then every line written at once (a writer thread) and all replies
    read: turns/s over the whole stream. Checks every reply's session and order."""
    server = Server(kefu, bot, store)
    server.send(encode({"session": "warm-up", "text": "你好"}))
    server.read_line()
    startup = time.perf_counter() - server.started
    payload = b"".join(encode(r) for r in lines)
    start = time.perf_counter()
    writer = threading.Thread(target=server.send, args=(payload,))
    writer.start()
    replies = server.read_lines(len(lines))
    elapsed = time.perf_counter() - start
    writer.join()
    status, rss, extra = server.finish()
    in_order = all(json.loads(reply).get("session") == request["session"] and "reply" in json.loads(reply)
                   for reply, request in zip(replies, lines))
    return {"startup": startup, "rate": len(lines) / elapsed, "seconds": elapsed, "rss": rss, "status": status,
            "answered": len(replies) + len(extra), "in_order": in_order}


def closed_loop(kefu, bot, lines, store=None):
    """One request at a time, the next sent when the reply is back: per-turn latency as a client
    sees it (pipe round trip included)."""
    server = Server(kefu, bot, store)
    server.send(encode({"session": "warm-up", "text": "你好"}))
    server.read_line()
    times = []
    for request in lines:
        start = time.perf_counter()
        server.send(encode(request))
        server.read_line()
        times.append((time.perf_counter() - start) * 1000)
    server.finish()
    times.sort()
    return {"p50": times[len(times) // 2], "p99": times[int(len(times) * 0.99) - 1], "max": times[-1]}


def malformed_lines(count, seed=2):
    """Random and malformed lines: valid requests, broken JSON, wrong types, invalid UTF-8, deep
    nesting, long and empty lines, random bytes."""
    rng = random.Random(seed)
    good = [encode({"session": "m%d" % rng.randrange(50), "text": rng.choice(OPENERS["faq"])}).rstrip(b"\n") for _ in range(200)]
    makers = [
        lambda: rng.choice(good),
        lambda: rng.choice(good)[: rng.randrange(1, 40)],
        lambda: b'{"session":"m1","command":"' + rng.choice([b"state", b"reset", b"undo", b""]) + b'"}',
        lambda: b'{"session":' + rng.choice([b"1", b"null", b'""', b"[]", b'"m2"']) + b',"text":' + rng.choice([b'""', b"1", b'"  "', b'"hi"', b"null"]) + b"}",
        lambda: b'{"session":"m3","text":"\xe9\x80' + bytes([rng.randrange(256)]) + b'"}',
        lambda: bytes(rng.randrange(256) for _ in range(rng.randrange(1, 80))).replace(b"\n", b" "),
        lambda: b"[" * rng.randrange(1, 300) + b"]" * rng.randrange(1, 300),
        lambda: b"",
        lambda: b'{"session":"m4","text":"' + b"x" * rng.choice([10, 70000]) + b'"}',
        lambda: b'{"session":"m5","id":' + rng.choice([b"1", b'"a"', b"[1,{}]", b"1e999", b"-0"]) + b',"text":"\\ud800"}',
        lambda: b"\xff\xfe" + rng.choice(good),
        lambda: rng.choice(good).replace(b":", b"=", 1),
    ]
    return [rng.choice(makers)().replace(b"\n", b" ") for _ in range(count)]   # one line each


def malformed_check(kefu, bot, count):
    lines = malformed_lines(count)
    payload = b"\n".join(lines) + b"\n"
    assert payload.count(b"\n") == count
    proc = subprocess.run([kefu, "serve", "--stdio", "--bot", bot], input=payload, capture_output=True)
    out = [l for l in proc.stdout.split(b"\n") if l]
    valid = 0
    for line in out:
        try:
            valid += isinstance(json.loads(line), dict)
        except ValueError:
            pass
    return {"lines": count, "answered": len(out), "valid_json": valid, "status": proc.returncode}


def kill_check(kefu, bot, store, lines, kill_after):
    """Streams `lines` with --store in groups of 20, SIGKILLs the server after `kill_after`
    replies, reads every reply it had written, restarts on the store and asks each session's
    state. Each must equal the state of a server that never died and was given exactly the lines
    the session got replies to (same turn count, slots, active intent, fallbacks, hand-off)."""
    server = Server(kefu, bot, store)
    progress = {"sent": 0}

    def feed():   # 20 lines every 2 ms, so requests are in flight when the kill comes
        try:
            for start in range(0, len(lines), 20):
                group = lines[start:start + 20]
                server.send(b"".join(encode(r) for r in group))
                progress["sent"] = start + len(group)
                time.sleep(0.002)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=feed)
    writer.start()
    replies = server.read_lines(kill_after)
    os.kill(server.proc.pid, 9)
    server.proc.wait()
    writer.join()
    sent = progress["sent"]
    rest = server.buffer + server.proc.stdout.read()
    replies += [l for l in rest.split(b"\n") if l]
    got = {}
    for line in replies:
        session = json.loads(line)["session"]
        got[session] = got.get(session, 0) + 1
    sessions = sorted({r["session"] for r in lines[:sent]})
    ask = b"".join(encode({"session": s, "command": "state"}) for s in sessions)
    stored = subprocess.run([kefu, "serve", "--stdio", "--bot", bot, "--store", store], input=ask, capture_output=True)
    reference_lines = []
    for session in sessions:
        reference_lines += [r for r in lines if r["session"] == session][: got.get(session, 0)]
    reference = subprocess.run([kefu, "serve", "--stdio", "--bot", bot],
                               input=b"".join(encode(r) for r in reference_lines) + ask, capture_output=True)
    stored_states = [json.loads(l)["state"] for l in stored.stdout.split(b"\n") if l]
    wanted_states = [json.loads(l)["state"] for l in [l for l in reference.stdout.split(b"\n") if l][-len(sessions):]]
    exact, ahead, behind = 0, 0, 0
    for have, want in zip(stored_states, wanted_states):
        if have == want:
            exact += 1
        elif have["turns"] > want["turns"]:
            ahead += 1   # recorded, the reply was lost with the process (kill between commit and write)
        else:
            behind += 1
    behind += len(sessions) - len(stored_states)
    return {"sent": sent, "replies": len(replies), "sessions": len(sessions), "exact": exact, "ahead": ahead, "behind": behind}


def chatterbot_rate(python, lines):
    """ChatterBot (if installed) trained on our own opener lines, answering the same stream."""
    script = r"""
import json, sys, time
from chatterbot import ChatBot
from chatterbot.tagging import LowercaseTagger
from chatterbot.trainers import ListTrainer
# LowercaseTagger: no spaCy language model (en_core_web_sm is not on PyPI).
bot = ChatBot("shop", storage_adapter="chatterbot.storage.SQLStorageAdapter", database_uri="sqlite://", read_only=True,
              tagger=LowercaseTagger)
pairs = json.load(open(sys.argv[1]))
ListTrainer(bot, show_training_progress=False).train(pairs)
lines = json.load(open(sys.argv[2]))
start = time.perf_counter()
for text in lines: bot.get_response(text)
print(len(lines) / (time.perf_counter() - start))
"""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        pairs = [line for kind in OPENERS.values() for line in kind]
        with open(os.path.join(tmp, "train.json"), "w") as f: json.dump(pairs, f, ensure_ascii=False)
        with open(os.path.join(tmp, "lines.json"), "w") as f: json.dump([r["text"] for r in lines], f, ensure_ascii=False)
        proc = subprocess.run([python, "-c", script, os.path.join(tmp, "train.json"), os.path.join(tmp, "lines.json")],
                              capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed")
        return float(proc.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kefu", required=True)
    parser.add_argument("--bot", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--latency-sample", type=int, default=2000)
    parser.add_argument("--malformed", type=int, default=100000)
    parser.add_argument("--peer-python", default="")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    lines = customer_lines(args.bot, args.sessions, args.requests)
    with open(os.path.join(args.work, "requests.jsonl"), "wb") as handle:
        handle.write(b"".join(encode(r) for r in lines))
    log = lambda message: print("[driver] " + message, file=sys.stderr, flush=True)

    rows = []
    for label, store in (("in memory", None), ("--store (SQLite, WAL)", os.path.join(args.work, "bench.db"))):
        if store and os.path.exists(store):
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(store + suffix): os.remove(store + suffix)
        log("pipelined %s" % label)
        run = pipelined(args.kefu, args.bot, lines, store)
        log("closed loop %s" % label)
        latency = closed_loop(args.kefu, args.bot, lines[: args.latency_sample], store)
        rows.append((label, run, latency))
    log("malformed lines")
    malformed = malformed_check(args.kefu, args.bot, args.malformed)
    log("SIGKILL check")
    killed_store = os.path.join(args.work, "killed.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(killed_store + suffix): os.remove(killed_store + suffix)
    kill_lines = customer_lines(args.bot, 50, 1000, seed=3)
    killed = kill_check(args.kefu, args.bot, killed_store, kill_lines, 500)

    peer = "not run"
    if args.peer_python:
        log("ChatterBot")
        try:
            peer = "%.0f turns/s" % chatterbot_rate(args.peer_python, lines[:1000])
        except Exception as error:   # report, don't fail the run
            peer = "failed: %s" % error

    print("## kefu serve --stdio on the demo bot (%d requests, %d interleaved sessions)\n" % (len(lines), args.sessions))
    print("| mode | turns/s (pipelined) | p50 ms | p99 ms | max ms | start-up to first reply | peak RSS | answered in order |")
    print("|---|---|---|---|---|---|---|---|")
    for label, run, latency in rows:
        print("| %s | %.0f | %.3f | %.3f | %.2f | %.0f ms | %.1f MB | %s (%d/%d, exit %d) |" % (
            label, run["rate"], latency["p50"], latency["p99"], latency["max"], run["startup"] * 1000, run["rss"],
            "yes" if run["in_order"] and run["answered"] == len(lines) else "NO", run["answered"], len(lines), run["status"]))
    print()
    print("- Malformed input: %d random and malformed lines → %d answers, %d of them JSON objects, exit status %d%s." % (
        malformed["lines"], malformed["answered"], malformed["valid_json"], malformed["status"],
        "" if malformed["answered"] == malformed["lines"] == malformed["valid_json"] and malformed["status"] == 0 else " **FAILED**"))
    print("- SIGKILL with --store: 1,000-turn stream from 50 sessions, 20 lines every 2 ms, kill -9 once 500 replies "
          "had arrived; %d replies written in all (read after the kill too) of %d lines sent; restarted: "
          "%d of %d sessions have exactly the state (turn count, slots, active intent, fallbacks, hand-off) of a server "
          "that never died given the lines they got replies to, %d are ahead (turns recorded whose replies died with "
          "the process), %d behind or different%s." % (
              killed["replies"], killed["sent"], killed["exact"], killed["sessions"], killed["ahead"], killed["behind"],
              "" if killed["behind"] == 0 else " **FAILED**"))
    print("- ChatterBot (same first 1,000 lines, in process, no pipe): %s." % peer)


if __name__ == "__main__":
    main()
