#!/usr/bin/env bash
# Benchmarks kefu serve --http with the PostgreSQL store: 1 and 2 processes behind nginx, the
# SQLite store beside them, the race and kill -9 checks and memory after 1,000,000 sessions.
# Starts its own PostgreSQL (scripts/test-postgres.sh, durable settings) and nginx. Prints a
# markdown report and saves it to Benchmarks/results/scale.md.
#
# Env: KEFU_BIN        kefu binary (default: .build/release/kefu, built here unless SKIP_BUILD=1)
#      SCRATCH         swift build --scratch-path (default: .build)
#      SECONDS_WRK     wrk duration per set-up (default 20)
#      MEMORY_SESSIONS sessions for the memory check (default 1000000)
#      CONNECTIONS     wrk connections, a row each per set-up (default 64,24,16)
#      PARTS           what to run (default throughput,race,kill,restart,memory)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
here="$root/Benchmarks/scale"
scratch="${SCRATCH:-.build}"
KEFU_BIN="${KEFU_BIN:-$root/$scratch/release/kefu}"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "[bench] swift build -c release --product kefu" >&2
  swift build -c release --product kefu --scratch-path "$scratch" >&2
fi
need=()
command -v wrk > /dev/null || need+=(wrk)
command -v nginx > /dev/null || need+=(nginx)
command -v psql > /dev/null || need+=(postgresql)
if (( ${#need[@]} )); then
  echo "[bench] installing ${need[*]}" >&2
  apt-get install -y -q "${need[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q "${need[@]}" >&2; }
fi
venv="$root/Benchmarks/.venv/http"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/python" -c "import websockets" 2>/dev/null || "$venv/bin/pip" install -q --disable-pip-version-check websockets >&2
echo '{"session":"cache","text":"你好"}' | "$KEFU_BIN" serve --stdio --bot "$root" > /dev/null   # train and cache the model once

eval "$(KEFU_POSTGRES_DURABLE=1 scripts/test-postgres.sh start)"
trap 'scripts/test-postgres.sh stop' EXIT
url="$KEFU_TEST_POSTGRES_URL?sslmode=disable"
"$KEFU_BIN" store migrate --store "$url" >&2

mkdir -p "$here/work" "$root/Benchmarks/results"
report="$here/work/scale.md"
{
  echo "# Scale benchmark: kefu serve --http on PostgreSQL"
  echo
  echo "kefu $(git rev-parse --short HEAD) $(git diff --quiet HEAD -- Sources || echo '(with uncommitted changes)'), $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo
  ulimit -n 65536 2>/dev/null || true
  "$venv/bin/python" "$here/driver.py" --kefu "$KEFU_BIN" --bot "$root" --work "$here/work" --postgres "$url" \
    --seconds "${SECONDS_WRK:-20}" --memory-sessions "${MEMORY_SESSIONS:-1000000}" \
    --connections "${CONNECTIONS:-64,24,16}" --parts "${PARTS:-throughput,race,kill,restart,memory}" --root "$root"
} > "$report"
cat "$report"
cp "$report" "$root/Benchmarks/results/scale.md"
echo "[bench] saved Benchmarks/results/scale.md" >&2
