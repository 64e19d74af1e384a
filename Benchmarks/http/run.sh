#!/usr/bin/env bash
# Benchmarks kefu serve --http on the demo bot at the repo root, beside kefu serve --stdio on the
# same lines in the same run: the Rasa REST webhook under wrk (64 connections), 1,000 WebSocket
# sessions x 20 lines, peak RSS, kill -9 with --store. Prints a markdown report and saves it to
# Benchmarks/results/http.md.
#
# Env: KEFU_BIN    kefu binary (default: .build/release/kefu, built here unless SKIP_BUILD=1)
#      SCRATCH     swift build --scratch-path (default: .build)
#      SECONDS_WRK wrk duration (default 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
here="$root/Benchmarks/http"
scratch="${SCRATCH:-.build}"
KEFU_BIN="${KEFU_BIN:-$root/$scratch/release/kefu}"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "[bench] swift build -c release --product kefu" >&2
  swift build -c release --product kefu --scratch-path "$scratch" >&2
fi
command -v wrk > /dev/null || { echo "[bench] installing wrk" >&2; apt-get install -y -q wrk >&2 || { apt-get update -q >&2 && apt-get install -y -q wrk >&2; }; }
venv="$root/Benchmarks/.venv/http"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/python" -c "import websockets" 2>/dev/null || "$venv/bin/pip" install -q --disable-pip-version-check websockets >&2
# The model cache: one run to train and cache, so every server below starts with a cached model.
echo '{"session":"cache","text":"你好"}' | "$KEFU_BIN" serve --stdio --bot "$root" > /dev/null

mkdir -p "$here/work" "$root/Benchmarks/results"
report="$here/work/http.md"
{
  echo "# HTTP channel benchmark: kefu serve --http"
  echo
  echo "kefu $(git rev-parse --short HEAD) $(git diff --quiet HEAD -- Sources || echo '(with uncommitted changes)'), $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo
  ulimit -n 65536 2>/dev/null || true
  "$venv/bin/python" "$here/driver.py" --kefu "$KEFU_BIN" --bot "$root" --work "$here/work" --seconds "${SECONDS_WRK:-20}"
} > "$report"
cat "$report"
cp "$report" "$root/Benchmarks/results/http.md"
echo "[bench] saved Benchmarks/results/http.md" >&2
