#!/usr/bin/env bash
# Benchmarks kefu serve --stdio on the demo bot at the repo root: turns/s (pipelined), per-turn
# p50/p99 (closed loop), start-up to first reply, peak RSS, with and without --store; 100,000
# random and malformed lines; a SIGKILL mid-stream with --store. Prints a markdown report and
# saves it to Benchmarks/results/engine.md.
#
# Env: KEFU_BIN    kefu binary (default: .build/release/kefu, built here unless SKIP_BUILD=1)
#      SCRATCH     swift build --scratch-path (default: .build)
#      PEERS=1     also try ChatterBot in Benchmarks/.venv/engine (installs it when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
here="$root/Benchmarks/engine"
scratch="${SCRATCH:-.build}"
KEFU_BIN="${KEFU_BIN:-$root/$scratch/release/kefu}"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "[bench] swift build -c release --product kefu" >&2
  swift build -c release --product kefu --scratch-path "$scratch" >&2
fi
# The model cache: one run to train and cache, so start-up below is with a cached model.
echo '{"session":"cache","text":"你好"}' | "$KEFU_BIN" serve --stdio --bot "$root" > /dev/null

peer_args=()
if [[ "${PEERS:-0}" == 1 ]]; then
  venv="$root/Benchmarks/.venv/engine"
  [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
  "$venv/bin/python" -c "import chatterbot" 2>/dev/null \
    || timeout 300 "$venv/bin/pip" install -q --disable-pip-version-check chatterbot >&2 || true
  peer_args=(--peer-python "$venv/bin/python")
fi

mkdir -p "$here/work" "$root/Benchmarks/results"
report="$here/work/engine.md"
{
  echo "# Engine benchmark: kefu serve --stdio"
  echo
  echo "kefu $(git rev-parse --short HEAD) $(git diff --quiet HEAD -- Sources || echo '(with uncommitted changes)'), $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))."
  echo
  python3 "$here/driver.py" --kefu "$KEFU_BIN" --bot "$root" --work "$here/work" "${peer_args[@]}"
  # Cores: the whole stream from a file, process start to end, on both cores and pinned to one.
  wall() { /usr/bin/time -f %e "$@" serve --stdio --bot "$root" < "$here/work/requests.jsonl" 2>&1 >/dev/null | tail -1; }
  echo "- Whole process, the 10,000 lines from a file (start-up included, best of 3): both cores" \
    "$(for i in 1 2 3; do wall "$KEFU_BIN"; done | sort -n | head -1) s, pinned to one core (taskset -c 0)" \
    "$(for i in 1 2 3; do wall taskset -c 0 "$KEFU_BIN"; done | sort -n | head -1) s."
  echo
  cat "$here/method.md"
} > "$report"
cat "$report"
cp "$report" "$root/Benchmarks/results/engine.md"
echo "[bench] saved Benchmarks/results/engine.md" >&2
