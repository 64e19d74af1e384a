"""Helpers shared by the peer benchmarks' harnesses (Benchmarks/<area>/harness.py): logging, the
kefu version line, the machine line and table cells of the reports."""

import os
import platform
import subprocess
import sys


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def kefu_version() -> str:
    """kefu's commit (KEFU_COMMIT names the commit a binary given in KEFU_BIN was built from; else
    HEAD, marked when Sources/ has uncommitted changes) and the Swift version."""
    commit = os.environ.get("KEFU_COMMIT") or subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = "" if os.environ.get("KEFU_COMMIT") else subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no", "Sources"], capture_output=True, text=True).stdout.strip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return f"kefu {commit}{' (with uncommitted changes)' if dirty else ''}" + (f", {swift[0].strip()}" if swift else "")


def machine(with_load: bool = False) -> str:
    cpu = platform.processor() or "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    text = f"{cpu}, {os.cpu_count()} cores (shared), {platform.system()} {platform.machine()}"
    if with_load:
        text += "; load average " + " / ".join(f"{x:.1f}" for x in os.getloadavg()) + " at the end"
    return text


def cell(value, digits: int = 4) -> str:
    return "–" if value is None else f"{value:.{digits}f}"
