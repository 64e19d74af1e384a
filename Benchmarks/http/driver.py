#!/usr/bin/env python3
"""Drives `kefu serve --http` for Benchmarks/http/run.sh and prints one markdown report.

Measured in one run on the same customer lines (Benchmarks/engine/driver.py's demo-bot lines):
- `kefu serve --stdio`, pipelined: the engine's turns/s without a network, for the ratio;
- the Rasa REST webhook under wrk (64 connections, rotating senders): req/s, p50/p99, non-2xx;
- 1,000 WebSocket sessions at once x 20 lines each, pipelined: every reply must arrive, in order
  per session, and be the reply `serve --stdio` gives to the same session's lines;
- peak RSS of the server (VmHWM) after the load;
- kill -9 under load with --store: no acknowledged turn lost after a restart, and the hand-off
  queue is back.
Needs the `websockets` package (run.sh installs it in a venv).
"""
import argparse
import asyncio
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

import websockets

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "engine"))
import driver as engine  # noqa: E402  the engine benchmark's lines and stdio helpers

NOW = "2026-11-23T10:00:00+08:00"


def start_http(kefu, bot, extra=()):
    args = [kefu, "serve", "--http", "127.0.0.1:0", "--bot", bot] + list(extra)
    process = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    while True:
        line = process.stderr.readline()
        if not line:
            raise RuntimeError("kefu serve --http ended: status %s" % process.poll())
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if match:
            threading.Thread(target=lambda: process.stderr.read(), daemon=True).start()
            return process, int(match.group(1))


def peak_rss_mb(pid):
    with open("/proc/%d/status" % pid) as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return None


def wrk_script(lines, path):
    """A wrk Lua script posting the lines in order, each thread its own half."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("bodies = {\n")
        for request in lines:
            body = json.dumps({"sender": request["session"], "message": request["text"]}, ensure_ascii=False, separators=(",", ":"))
            handle.write("  %s,\n" % json.dumps(body, ensure_ascii=False))
        handle.write("""}
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("start", counter) end
init = function(args) position = start end
request = function()
  position = position + 2
  if position > #bodies then position = start end
  return wrk.format("POST", "/webhooks/rest/webhook", {["Content-Type"] = "application/json"}, bodies[position])
end
""")


def run_wrk(port, script, seconds, connections):
    output = subprocess.run(["wrk", "-t2", "-c%d" % connections, "-d%ds" % seconds, "--latency", "-s", script,
                             "http://127.0.0.1:%d" % port], capture_output=True, text=True).stdout

    def latency(label):
        match = re.search(r"^\s+%s\s+([\d.]+)(us|ms|s)\s*$" % label, output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {"rate": rate, "p50": latency("50%"), "p99": latency("99%"), "non2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": errors.group(1) if errors else "none"}


def stdio_replies(kefu, bot, conversations):
    """The reply texts `serve --stdio` gives each session's lines (sessions interleaved)."""
    lines = []
    for turn in range(max(len(c) for c in conversations.values())):
        for session, texts in conversations.items():
            if turn < len(texts):
                lines.append({"session": session, "text": texts[turn], "now": NOW})
    server = engine.Server(kefu, bot)
    writer = threading.Thread(target=server.send, args=(b"".join(engine.encode(r) for r in lines),))
    writer.start()
    replies = server.read_lines(len(lines))
    writer.join()
    server.finish()
    expected = {session: [] for session in conversations}
    for reply in replies:
        reply = json.loads(reply)
        expected[reply["session"]].append(reply["reply"])
    return expected


async def websocket_sessions(port, conversations):
    """Every session on its own socket at once, its lines sent without waiting; returns the
    replies per session in arrival order, and the seconds it took."""
    results = {}

    async def one(session, texts):
        async with websockets.connect("ws://127.0.0.1:%d/ws?session=%s" % (port, session), max_size=1 << 20,
                                      open_timeout=60, ping_interval=None) as socket:
            hello = json.loads(await socket.recv())
            assert hello["type"] == "hello"
            for index, text in enumerate(texts):
                await socket.send(json.dumps({"type": "message", "id": index, "text": text, "now": NOW}, ensure_ascii=False))
            got = []
            while len(got) < len(texts):
                frame = json.loads(await asyncio.wait_for(socket.recv(), 120))
                if frame["type"] in ("reply", "error"):
                    got.append(frame)
            results[session] = got

    start = time.perf_counter()
    await asyncio.gather(*(one(s, t) for s, t in conversations.items()))
    return results, time.perf_counter() - start


def post(port, path, body, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request("POST", path, body=json.dumps(body, ensure_ascii=False).encode(), headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


def get(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, json.loads(data)


def kill_check(kefu, bot, folder, lines):
    """Clients post the lines one session at a time each; kill -9 once half are answered;
    restart on the same store: every acknowledged turn must be there."""
    store = os.path.join(folder, "killed.db")
    token = ["--store", store, "--agent-token", "bench", "--rate-limit", "0"]
    process, port = start_http(kefu, bot, token)
    post(port, "/api/sessions/queued-case/messages", {"text": "转人工"})
    acknowledged = {}
    lock = threading.Lock()
    sessions = sorted({r["session"] for r in lines})
    by_session = {s: [r["text"] for r in lines if r["session"] == s] for s in sessions}
    stop_at = len(lines) // 2
    done = threading.Event()

    def client(session):
        for text in by_session[session]:
            if done.is_set():
                return
            try:
                status, _ = post(port, "/api/sessions/%s/messages" % session, {"text": text})
            except Exception:
                return
            if status == 200:
                with lock:
                    acknowledged[session] = acknowledged.get(session, 0) + 1
                    if sum(acknowledged.values()) >= stop_at:
                        done.set()

    threads = [threading.Thread(target=client, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    done.wait(120)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    for thread in threads:
        thread.join()
    process, port = start_http(kefu, bot, token)
    lost = ahead = 0
    for session in sessions:
        acked = acknowledged.get(session, 0)
        status, snapshot = get(port, "/api/sessions/%s" % session)
        stored = snapshot["state"]["turns"] if status == 200 else 0
        customer_lines = sum(1 for m in snapshot.get("messages", []) if m["author"] == "customer") if status == 200 else 0
        if stored < acked or customer_lines < acked:
            lost += 1
        elif stored > acked:
            ahead += 1   # answered and stored, but the kill came before the reply reached the client
    _, queue = get(port, "/api/agent/cases", {"Authorization": "Bearer bench"})
    queue_kept = "queued-case" in [c["session"] for c in queue["cases"]]
    stop(process)
    return {"acknowledged": sum(acknowledged.values()), "sessions": len(sessions), "lost": lost, "ahead": ahead,
            "queue_kept": queue_kept}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kefu", required=True)
    parser.add_argument("--bot", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--seconds", type=int, default=20)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)

    # The same demo-bot lines for stdio and the webhook: 100,000 requests over 10,000 sessions.
    lines = engine.customer_lines(args.bot, 10000, 100000, seed=11)
    stdio = engine.pipelined(args.kefu, args.bot, lines)

    script = os.path.join(args.work, "webhook.lua")
    wrk_script(lines, script)
    process, port = start_http(args.kefu, args.bot)
    post(port, "/webhooks/rest/webhook", {"sender": "warm-up", "message": "你好"})
    rest = run_wrk(port, script, args.seconds, 64)

    # The same load on a server that writes every turn to an SQLite store first.
    store_process, store_port = start_http(args.kefu, args.bot, ["--store", os.path.join(tempfile.mkdtemp(dir=args.work), "bench.db")])
    stored = run_wrk(store_port, script, args.seconds, 64)
    stop(store_process)

    # 1,000 WebSocket sessions x 20 lines, compared with serve --stdio on the same lines.
    run = random.Random().randrange(1 << 30)   # fresh session names on every run
    sample = engine.customer_lines(args.bot, 1000, 20000, seed=13)
    names = ["ws%04d-%d" % (index, run) for index in range(1000)]
    conversations = {name: [] for name in names}
    for index, request in enumerate(sample):
        conversations[names[index % 1000]].append(request["text"])
    expected = stdio_replies(args.kefu, args.bot, conversations)
    rest_rss = peak_rss_mb(process.pid)
    got, ws_seconds = asyncio.run(websocket_sessions(port, conversations))
    both_rss = peak_rss_mb(process.pid)
    stopped = stop(process)
    # The WebSocket load again on a fresh server, for its own peak RSS.
    process, port = start_http(args.kefu, args.bot)
    fresh = {"f" + name: texts for name, texts in conversations.items()}
    asyncio.run(websocket_sessions(port, fresh))
    in_order = all([f.get("id") for f in got[s]] == list(range(len(conversations[s]))) for s in conversations)
    same = all([(f.get("result") or {}).get("reply") for f in got[s]] == expected[s] for s in conversations)
    answered = sum(1 for s in got for f in got[s] if f["type"] == "reply")
    ws_rss = peak_rss_mb(process.pid)
    stop(process)

    kill = kill_check(args.kefu, args.bot, tempfile.mkdtemp(dir=args.work), engine.customer_lines(args.bot, 50, 2000, seed=14))

    ratio = rest["rate"] / stdio["rate"]
    print("## kefu serve --http on the demo bot\n")
    print("| measure | kefu | target |")
    print("|---|---|---|")
    print("| `serve --stdio`, pipelined, 100,000 lines / 10,000 sessions | %s turns/s | (reference) |" % format(round(stdio["rate"]), ","))
    print("| REST webhook, wrk 64 connections, %d s, same lines | %s req/s | ≥ 8,000 |" % (args.seconds, format(round(rest["rate"]), ",")))
    print("| REST webhook latency p50 / p99 | %.2f / %.2f ms | p99 < 10 ms |" % (rest["p50"], rest["p99"]))
    print("| REST / stdio throughput | %.0f %% | ≥ 40 %% |" % (ratio * 100))
    print("| REST webhook with `--store` (every turn committed before its reply): req/s, p50 / p99 | %s req/s, %.2f / %.2f ms | |"
          % (format(round(stored["rate"]), ","), stored["p50"], stored["p99"]))
    print("| REST non-2xx answers / socket errors | %d / %s | 0 |" % (rest["non2xx"], rest["socket_errors"]))
    print("| WebSocket: 1,000 sessions at once x 20 lines | %d of %d replies, %s, %.1f s | all, in order |"
          % (answered, len(sample), "in order" if in_order else "OUT OF ORDER", ws_seconds))
    print("| WebSocket replies = `serve --stdio` replies for the same sessions | %s | yes |" % ("yes" if same else "NO"))
    print("| peak RSS: after the REST load (10,000 sessions) / a fresh server under the WebSocket load / one server after both | %.0f / %.0f / %.0f MB | < 150 MB |"
          % (rest_rss, ws_rss, both_rss))
    print("| graceful stop (SIGTERM) | %s | exit 0 |" % ("exit 0" if stopped == 0 else "status %s" % stopped))
    print("| kill -9 under load with --store (50 sessions, 2,000 lines, killed at half) | %d acknowledged turns: %d lost, "
          "%d sessions one turn ahead; hand-off queue %s | 0 lost, queue kept |"
          % (kill["acknowledged"], kill["lost"], kill["ahead"], "kept" if kill["queue_kept"] else "LOST"))
    print()
    print("Load generator and server share the machine's %d cores; wrk's Lua script posts the engine benchmark's "
          "customer lines in order (two threads, each its half), senders rotating over 10,000 sessions, with the "
          "default per-session rate limit on." % os.cpu_count())


if __name__ == "__main__":
    main()
