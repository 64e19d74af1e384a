#!/usr/bin/env bash
# FAQ retrieval benchmark: kefu (BM25 alone and the full ranker) vs rank_bm25 (jieba words;
# character 1+2-grams) and scikit-learn TF-IDF over character n-grams with cosine, on bq-faq valid,
# with the FAQ entries alone indexed and with the distractors added; plus kefu's query latency with
# 10,000 entries. Prints a markdown report to stdout and saves it to Benchmarks/results/faq.md when
# every system ran.
#
# Env: KEFU_DATA  data folder (default: ../shared/data from the repo root)
#      KEFU_BIN   kefu binary to test (default: .build/release/kefu)
#      SKIP_BUILD=1  don't run `swift build`
#      KEFU_COMMIT  the commit KEFU_BIN was built from (for the report; default: HEAD)
#      PEERS_ONLY=1  run the peers only (no kefu; nothing saved)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ -n "${KEFU_BIN:-}" && "$KEFU_BIN" != /* ]] && KEFU_BIN="$PWD/$KEFU_BIN"
[[ -n "${KEFU_DATA:-}" && "$KEFU_DATA" != /* ]] && KEFU_DATA="$PWD/$KEFU_DATA"
cd "$HERE/../.."   # repo root
ROOT="$PWD"
log() { echo "[bench] $*" >&2; }
START=$SECONDS

DATA="$(cd "${KEFU_DATA:-$ROOT/../shared/data}" && pwd)"
KEFU_BIN="${KEFU_BIN:-$ROOT/.build/release/kefu}"

# 1. Build kefu.
if [[ "${PEERS_ONLY:-0}" != 1 && "${SKIP_BUILD:-0}" != 1 ]]; then
  log "swift build -c release --product kefu"
  swift build -c release --product kefu >&2 || log "kefu did not build: its rows will say failed"
fi

# 2. Python venv with the peers (reused across runs).
VENV="$ROOT/Benchmarks/.venv"
[[ -x "$VENV/bin/python" ]] || { log "creating $VENV"; python3 -m venv "$VENV"; }
if ! "$VENV/bin/python" -c 'import sklearn, rank_bm25, jieba, sys; sys.exit(jieba.__version__ != "0.42.1")' 2>/dev/null; then
  log "pip install scikit-learn rank_bm25 jieba==0.42.1"
  "$VENV/bin/pip" install -q --disable-pip-version-check scikit-learn rank_bm25 jieba==0.42.1 >&2
fi

# 3. Run. The report goes to work/ first and is copied to Benchmarks/results/ only when every
#    system ran, so a failed run keeps the last good report.
mkdir -p Benchmarks/results "$HERE/work"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
KEFU_ARGS=(--kefu "$KEFU_BIN")
[[ "${PEERS_ONLY:-0}" == 1 ]] && KEFU_ARGS=()
status=0
"$VENV/bin/python" "$HERE/harness.py" --data "$DATA" --work "$HERE/work" "${KEFU_ARGS[@]}" \
  > "$HERE/work/faq.md" || status=$?
echo "- Whole run: $((SECONDS - START)) s (build, data preparation and every system)." >> "$HERE/work/faq.md"
cat "$HERE/work/faq.md"
if [[ $status == 0 && "${PEERS_ONLY:-0}" != 1 ]]; then
  cp "$HERE/work/faq.md" Benchmarks/results/faq.md
  log "saved Benchmarks/results/faq.md"
else
  log "not saved: a system failed or the peers ran alone (status $status); see $HERE/work/faq.md"
fi
exit $status
