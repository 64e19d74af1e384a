#!/usr/bin/env bash
# Segmentation benchmark: kefu (HMM on/off) vs jieba 0.42.1 (HMM on/off) vs rjieba.
# Prints a markdown report to stdout and saves it to Benchmarks/results/segmentation.md.
#
# Env: KEFU_DATA  data folder (default: ../shared/data from the repo root)
#      KEFU_BIN   kefu binary to test (default: .build/release/kefu)
#      SKIP_BUILD=1  don't run `swift build`
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Relative overrides are taken from the caller's directory.
[[ -n "${KEFU_BIN:-}" && "$KEFU_BIN" != /* ]] && KEFU_BIN="$PWD/$KEFU_BIN"
[[ -n "${KEFU_DATA:-}" && "$KEFU_DATA" != /* ]] && KEFU_DATA="$PWD/$KEFU_DATA"
cd "$HERE/../.."   # repo root
ROOT="$PWD"
log() { echo "[bench] $*" >&2; }

DATA="$(cd "${KEFU_DATA:-$ROOT/../shared/data}" && pwd)"
KEFU_BIN="${KEFU_BIN:-$ROOT/.build/release/kefu}"

# 1. Build kefu.
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "swift build -c release --product kefu"
  swift build -c release --product kefu >&2
fi
[[ -x "$KEFU_BIN" ]] || { log "kefu binary not found or not executable: $KEFU_BIN"; exit 1; }

# 2. Python venv with the peers (reused across runs).
VENV="$ROOT/Benchmarks/.venv"
[[ -f Benchmarks/.gitignore ]] || printf '.venv/\nwork/\n__pycache__/\n' > Benchmarks/.gitignore
[[ -x "$VENV/bin/python" ]] || { log "creating $VENV"; python3 -m venv "$VENV"; }
if ! "$VENV/bin/python" -c 'import jieba, rjieba, sys; sys.exit(jieba.__version__ != "0.42.1")' 2>/dev/null; then
  log "pip install jieba==0.42.1 rjieba"
  "$VENV/bin/pip" install -q --disable-pip-version-check jieba==0.42.1 rjieba >&2
fi

# 3. Accuracy, throughput, cold start. The report is teed to work/ first and only copied to
#    Benchmarks/results/ once the run succeeded, so a failed run keeps the last good report.
mkdir -p Benchmarks/results "$HERE/work"
export RAYON_NUM_THREADS=1 OMP_NUM_THREADS=1
"$VENV/bin/python" "$HERE/harness.py" --data "$DATA" --kefu "$KEFU_BIN" --work "$HERE/work" \
  | tee "$HERE/work/segmentation.md"
cp "$HERE/work/segmentation.md" Benchmarks/results/segmentation.md
log "saved Benchmarks/results/segmentation.md"
