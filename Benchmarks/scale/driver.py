#!/usr/bin/env python3
"""Drives kefu serve --http with a PostgreSQL store for Benchmarks/scale/run.sh; prints one markdown report.

Measured in one run on the same customer lines (the engine benchmark's demo-bot lines), wrk with
64 connections on the session API (POST /api/sessions/{id}/messages):
- 1 process with the SQLite store (no proxy), for comparison;
- 1 and 2 processes with the PostgreSQL store behind nginx (`hash $request_uri consistent`: a
  session's lines go to one process, whose cached state stays current), and 2 processes with
  round-robin (every line may land anywhere: the version check and reloads at work);
- database transactions per turn (pg_stat_database) during the 2-process load;
- the race: 2 processes x 2,000 lines on 10 sessions, each session sent to by one sender per
  process at once; every turn stored exactly once, numbered 1..n, each sender's order kept;
- kill -9 of one of two processes under load behind nginx: every acknowledged turn stored
  exactly once, in order, and the other process keeps serving;
- RSS of one process after 1,000,000 sessions of 2 turns (kefu serve --stdio --store postgres://).
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "engine"))
import driver as engine  # noqa: E402  the engine benchmark's lines
import importlib.util  # noqa: E402

# The HTTP benchmark's helpers (starting servers, wrk, RSS); it needs `websockets`, as run.sh installs.
spec = importlib.util.spec_from_file_location("http_driver", os.path.join(here, "..", "http", "driver.py"))
http_driver = importlib.util.module_from_spec(spec)
spec.loader.exec_module(http_driver)
start_http, stop, peak_rss_mb, run_wrk = http_driver.start_http, http_driver.stop, http_driver.peak_rss_mb, http_driver.run_wrk

NOW = "2026-11-23T10:00:00+08:00"


def psql(url, sql):
    plain = url.split("?")[0]
    return subprocess.run(["psql", plain, "-At", "-c", sql], capture_output=True, text=True, check=True).stdout.strip()


def empty(kefu, url):
    subprocess.run([kefu, "store", "prune", "--store", url, "--older-than", "0s"], check=True, capture_output=True)


def session_script(lines, path):
    """A wrk Lua script posting the lines to the session API, in order, each thread its own half."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("paths = {\n")
        for request in lines:
            handle.write("  %s,\n" % json.dumps("/api/sessions/%s/messages" % request["session"]))
        handle.write("}\nbodies = {\n")
        for request in lines:
            body = json.dumps({"text": request["text"], "now": NOW}, ensure_ascii=False, separators=(",", ":"))
            handle.write("  %s,\n" % json.dumps(body, ensure_ascii=False))
        handle.write("""}
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("start", counter) end
init = function(args) position = start end
request = function()
  position = position + 2
  if position > #bodies then position = start end
  return wrk.format("POST", paths[position], {["Content-Type"] = "application/json"}, bodies[position])
end
""")


class Nginx:
    """nginx in front of `ports`, on a port of its own."""

    def __init__(self, work, ports, balance):
        self.folder = os.path.join(work, "nginx-%d" % random.randrange(1 << 30))
        os.makedirs(self.folder)
        self.port = free_port()
        upstream = "\n".join("    server 127.0.0.1:%d max_fails=0;" % p for p in ports)
        with open(os.path.join(self.folder, "nginx.conf"), "w") as handle:
            handle.write("""
worker_processes 1;
daemon off;
pid %(f)s/nginx.pid;
error_log %(f)s/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path %(f)s/body;
  proxy_temp_path %(f)s/proxy;
  fastcgi_temp_path %(f)s/fastcgi;
  uwsgi_temp_path %(f)s/uwsgi;
  scgi_temp_path %(f)s/scgi;
  upstream kefu {
    %(balance)s
%(upstream)s
    keepalive 128;
  }
  server {
    listen 127.0.0.1:%(port)d;
    location / {
      proxy_pass http://kefu;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout;
    }
  }
}
""" % {"f": self.folder, "balance": balance, "upstream": upstream, "port": self.port})
        self.process = subprocess.Popen(["nginx", "-p", self.folder, "-c", os.path.join(self.folder, "nginx.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port):
    import socket
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nothing listens on %d" % port)


def say(connection, session, text):
    body = json.dumps({"text": text, "now": NOW}, ensure_ascii=False).encode()
    connection.request("POST", "/api/sessions/%s/messages" % session, body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    return response.status, data


def exported_turns(kefu, url):
    """The stored turns per session, in turn order: [(turn, user_text)]."""
    output = subprocess.run([kefu, "store", "export", "--store", url], capture_output=True, text=True, check=True).stdout
    turns = {}
    for line in output.splitlines():
        row = json.loads(line)
        if row["table"] == "turn":
            turns.setdefault(row["session"], []).append((row["turn"], row["user_text"]))
    return {s: sorted(t) for s, t in turns.items()}


def race(kefu, bot, url, lines_per_process, sessions):
    """Two processes; per session one sender on each at once. Checks every line is stored once,
    turns are numbered 1..n and each sender's order is kept."""
    empty(kefu, url)
    servers = [start_http(kefu, bot, ["--store", url, "--rate-limit", "0"]) for _ in range(2)]
    per_sender = lines_per_process // sessions
    failures = []

    def sender(server, session):
        connection = http.client.HTTPConnection("127.0.0.1", servers[server][1], timeout=60)
        for index in range(per_sender):
            status, data = say(connection, session, "P%d-%d 我的订单到哪了" % (server, index))
            if status != 200:
                failures.append((status, data[:200]))

    start = time.perf_counter()
    threads = [threading.Thread(target=sender, args=(server, "race-%d" % s)) for s in range(sessions) for server in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    for process, _ in servers:
        stop(process)
    stored = exported_turns(kefu, url)
    lost = duplicated = reordered = 0
    for s in range(sessions):
        turns = stored.get("race-%d" % s, [])
        texts = [t for _, t in turns]
        numbers = [n for n, _ in turns]
        expected = {"P%d-%d 我的订单到哪了" % (p, i) for p in range(2) for i in range(per_sender)}
        lost += len(expected - set(texts))
        duplicated += len(texts) - len(set(texts))
        if numbers != list(range(1, len(numbers) + 1)):
            reordered += 1
        for p in range(2):
            mine = [t for t in texts if t.startswith("P%d-" % p)]
            if mine != sorted(mine, key=lambda t: int(t.split("-")[1].split()[0])):
                reordered += 1
    return {"lines": 2 * per_sender * sessions, "seconds": seconds, "failures": len(failures), "lost": lost,
            "duplicated": duplicated, "reordered": reordered}


def kill_test(kefu, bot, url, work, seconds=6):
    """Two processes behind nginx (round robin), 40 sessions sent to in a loop; process A is
    killed with SIGKILL halfway. Every acknowledged line must be stored exactly once, in order."""
    empty(kefu, url)
    servers = [start_http(kefu, bot, ["--store", url, "--rate-limit", "0"]) for _ in range(2)]
    proxy = Nginx(work, [p for _, p in servers], "")
    acknowledged = {}
    after_kill = [0]
    killed = threading.Event()
    stop_at = time.time() + seconds

    def client(session):
        connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=30)
        index = 0
        while time.time() < stop_at:
            text = "K%d 我的订单到哪了" % index
            index += 1
            try:
                status, _ = say(connection, session, text)
            except Exception:
                connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=30)
                continue
            if status == 200:
                acknowledged.setdefault(session, []).append(text)
                if killed.is_set():
                    after_kill[0] += 1

    threads = [threading.Thread(target=client, args=("kill-%d" % s,)) for s in range(40)]
    for thread in threads:
        thread.start()
    time.sleep(seconds / 2)
    servers[0][0].send_signal(signal.SIGKILL)
    servers[0][0].wait()
    killed.set()
    for thread in threads:
        thread.join()
    stop(servers[1][0])
    proxy.stop()
    stored = exported_turns(kefu, url)
    lost = duplicated = reordered = 0
    for session, texts in acknowledged.items():
        rows = [t for _, t in stored.get(session, [])]
        lost += len(set(texts) - set(rows))
        duplicated += len(rows) - len(set(rows))
        kept = [t for t in rows if t in set(texts)]
        if kept != texts:
            reordered += 1
    return {"acknowledged": sum(len(t) for t in acknowledged.values()), "after_kill": after_kill[0], "lost": lost,
            "duplicated": duplicated, "reordered": reordered}


def restart_test(kefu, bot, url, root, outage=2.0):
    """kefu serve --stdio on PostgreSQL under steady load while PostgreSQL stops for `outage`
    seconds and starts again: counts store_failed replies, checks the same process answers
    afterwards, every acknowledged line is stored once and no failed line is stored."""
    empty(kefu, url)
    process = subprocess.Popen([kefu, "serve", "--stdio", "--bot", bot, "--store", url],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    replies = []
    reader = threading.Thread(target=lambda: [replies.append((time.perf_counter(), json.loads(l))) for l in process.stdout])
    reader.start()
    script = os.path.join(root, "scripts", "test-postgres.sh")
    sent, start, stopped_at, resumed_at = 0, time.perf_counter(), None, None
    while time.perf_counter() - start < 4 * outage + 6:
        text = "restart-%05d 我的订单到哪了" % sent
        process.stdin.write(('{"session":"pg-%d","text":"%s","id":%d}\n' % (sent % 20, text, sent)).encode())
        process.stdin.flush()
        sent += 1
        time.sleep(0.005)
        if stopped_at is None and time.perf_counter() - start > 2:
            stopped_at = time.perf_counter()
            subprocess.Popen(["bash", "-c", "'%s' pause && sleep %s && '%s' resume" % (script, outage, script)])
        if stopped_at and resumed_at is None and time.perf_counter() - stopped_at > outage:
            resumed_at = time.perf_counter()
    process.stdin.close()
    process.wait()
    reader.join()
    failed = {r["id"] for _, r in replies if "error" in r}
    answered = {r["id"] for _, r in replies if "error" not in r}
    after = sum(1 for t, r in replies if "error" not in r and t > stopped_at + outage + 1)
    stored = [text for turns in exported_turns(kefu, url).values() for _, text in turns]
    counts = {}
    for text in stored:
        counts[text] = counts.get(text, 0) + 1
    lost = sum(1 for i in answered if counts.get("restart-%05d 我的订单到哪了" % i, 0) == 0)
    duplicated = sum(1 for c in counts.values() if c > 1)
    failed_but_stored = sum(1 for i in failed if counts.get("restart-%05d 我的订单到哪了" % i, 0) > 0)
    return {"sent": sent, "replies": len(replies), "failed": len(failed), "answered": len(answered), "after": after,
            "lost": lost, "duplicated": duplicated, "failed_but_stored": failed_but_stored, "outage": outage}


def memory(kefu, bot, url, sessions, capacity):
    """RSS of kefu serve --stdio --store postgres:// after `sessions` sessions of 2 turns each."""
    empty(kefu, url)
    process = subprocess.Popen([kefu, "serve", "--stdio", "--bot", bot, "--store", url, "--sessions", str(capacity)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    total = 2 * sessions
    received = [0]

    def reader():
        for _ in process.stdout:
            received[0] += 1

    thread = threading.Thread(target=reader)
    thread.start()
    start = time.perf_counter()
    chunk = []
    for index in range(sessions):
        session = "m%07d" % index
        chunk.append(('{"session":"%s","text":"你好"}\n{"session":"%s","text":"我的订单到哪了"}\n' % (session, session)).encode())
        if len(chunk) >= 500:
            process.stdin.write(b"".join(chunk))
            chunk = []
            while received[0] < 2 * index - 20000:   # keep the pipe from racing too far ahead
                time.sleep(0.01)
    process.stdin.write(b"".join(chunk))
    process.stdin.flush()
    while received[0] < total:
        time.sleep(0.05)
    rss = peak_rss_mb(process.pid)
    current = 0.0
    with open("/proc/%d/status" % process.pid) as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024.0
    seconds = time.perf_counter() - start
    process.stdin.close()
    process.wait()
    thread.join()
    stored = psql(url, "SELECT count(*) FROM session")
    return {"sessions": sessions, "turns": total, "peak": rss, "current": current, "seconds": seconds, "stored": int(stored)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kefu", required=True)
    parser.add_argument("--bot", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--postgres", required=True)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--memory-sessions", type=int, default=1000000)
    parser.add_argument("--connections", default="64,24,16", help="wrk connections, one row each per set-up")
    parser.add_argument("--root", required=True)
    parser.add_argument("--parts", default="throughput,race,kill,restart,memory")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    loads = [int(c) for c in args.connections.split(",")]
    os.makedirs(args.work, exist_ok=True)
    url = args.postgres
    lines = engine.customer_lines(args.bot, 10000, 100000, seed=11)
    script = os.path.join(args.work, "sessions.lua")
    session_script(lines, script)

    results = []

    def measure(label, processes, store, balance=None, connections=64):
        if store == "postgres":
            empty(args.kefu, url)
            store_arg = url
        else:
            store_arg = os.path.join(args.work, "scale-%d.db" % random.randrange(1 << 30))
        servers = [start_http(args.kefu, args.bot, ["--store", store_arg, "--rate-limit", "0"]) for _ in range(processes)]
        proxy = None
        try:   # the servers and nginx stop even when a set-up fails
            proxy = Nginx(args.work, [p for _, p in servers], balance) if balance is not None else None
            port = proxy.port if proxy else servers[0][1]
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            say(connection, "warm-up", "你好")
            before = psql(url, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()") if store == "postgres" else "0"
            result = run_wrk(port, script, args.seconds, connections)
            after = psql(url, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()") if store == "postgres" else "0"
            turns = result["rate"] * args.seconds
            result["transactions_per_turn"] = (int(after) - int(before)) / turns if store == "postgres" and turns else None
            result["rss"] = max(peak_rss_mb(p.pid) for p, _ in servers)
        finally:
            for process, _ in servers:
                stop(process)
            if proxy:
                proxy.stop()
        result["label"] = label
        result["connections"] = connections
        results.append(result)

    if "throughput" in parts:
        for connections in loads:
            measure("1 process, SQLite store (no proxy)", 1, "sqlite", connections=connections)
            measure("1 process, PostgreSQL, behind nginx", 1, "postgres", "", connections=connections)
            measure("2 processes, PostgreSQL, nginx hash by session", 2, "postgres", "hash $request_uri consistent;", connections=connections)
            measure("2 processes, PostgreSQL, nginx round robin", 2, "postgres", "", connections=connections)
        print("| Set-up (wrk, %d s, session API, same lines) | wrk connections | turns/s | p50 ms | p99 ms | non-2xx | peak RSS MB | DB transactions / turn |" % args.seconds)
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in results:
            tpt = "%.2f" % r["transactions_per_turn"] if r["transactions_per_turn"] is not None else "–"
            print("| %s | %d | %s | %.1f | %.1f | %d | %.0f | %s |" % (r["label"], r["connections"], format(round(r["rate"]), ","), r["p50"], r["p99"],
                                                                r["non2xx"], r["rss"], tpt))
        print()
        for index in range(0, len(results), 4):
            sqlite, hashed = results[index], results[index + 2]
            print("%d connections: 2 processes on PostgreSQL (hash) %s turns/s, p99 %.1f ms; / 1 process on SQLite: %.2f." %
                  (hashed["connections"], format(round(hashed["rate"]), ","), hashed["p99"], hashed["rate"] / sqlite["rate"]))
        print()
        print("Goal: 2 processes on PostgreSQL ≥ 2,000 turns/s with p99 < 20 ms. With N connections always busy a turn waits N / rate on average, "
              "so p99 < 20 ms is only reachable at a load below saturation (fewer connections).")
        print()
    raced = race(args.kefu, args.bot, url, 2000, 10) if "race" in parts else None
    killed = kill_test(args.kefu, args.bot, url, args.work) if "kill" in parts else None
    restarted = restart_test(args.kefu, args.bot, url, args.root) if "restart" in parts else None
    remembered = memory(args.kefu, args.bot, url, args.memory_sessions, 10000) if "memory" in parts else None

    print("| Check | Result | Goal |")
    print("|---|---|---|")
    if raced: print("| Race: 2 processes × %d lines on 10 sessions, 2 senders a session at once (%.1f s) | %d lost, %d duplicated, %d reordered; %d errors | 0 / 0 / 0 |"
          % (raced["lines"] // 2, raced["seconds"], raced["lost"], raced["duplicated"], raced["reordered"], raced["failures"]))
    if killed: print("| kill -9 of 1 of 2 processes under load (nginx round robin, 40 sessions) | %s acknowledged (%s after the kill, by the survivor): %d lost, %d duplicated, %d reordered | 0 / 0 / 0 |"
          % (format(killed["acknowledged"], ","), format(killed["after_kill"], ","), killed["lost"], killed["duplicated"], killed["reordered"]))
    if restarted: print("| PostgreSQL stopped for %.0f s and started again under load (stdio, 200 lines/s on 20 sessions) | %s lines, %d store_failed, %s answered (%s more after PostgreSQL was back, same process); %d acknowledged lost, %d duplicated, %d failed yet stored | store_failed, then serving again; 0 / 0 / 0 |"
          % (restarted["outage"], format(restarted["sent"], ","), restarted["failed"], format(restarted["answered"], ","), format(restarted["after"], ","),
             restarted["lost"], restarted["duplicated"], restarted["failed_but_stored"]))
    if remembered: print("| RSS after %s sessions × 2 turns (stdio, PostgreSQL, --sessions 10000; %.0f s, %s sessions stored) | peak %.0f MB, at the end %.0f MB | < 150 MB |"
          % (format(remembered["sessions"], ","), remembered["seconds"], format(remembered["stored"], ","), remembered["peak"], remembered["current"]))
    print()
    print("PostgreSQL %s on the same machine, durable defaults (fsync on); nginx %s, 1 worker; wrk, nginx, PostgreSQL and the servers share the machine's %d cores."
          % (psql(url, "SHOW server_version"), subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1], os.cpu_count()))


if __name__ == "__main__":
    main()
