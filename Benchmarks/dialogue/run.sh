#!/usr/bin/env bash
# The dialogue benchmark: independently written customer lines and scripted conversations
# (Benchmarks/dialogue/data: two tuning splits and a held-out one, see data/README.md) put to
# kefu serve --stdio on the demo bot. Prints the on-topic share, wrong
# hand-offs, angry lines apologised to, conversation checks and the misses by topic, beside a
# plain TF-IDF + logistic regression topic classifier trained on the same bot content, and saves
# the report to Benchmarks/results/dialogue.md.
#
# Env: KEFU_BIN     kefu binary (default: .build/release/kefu, built here unless SKIP_BUILD=1)
#      SCRATCH      swift build --scratch-path (default: .build)
#      SPLITS       which splits (default: tune,tune2,tune3,heldout)
#      PEERS=0      leave out the peer classifier (installed into Benchmarks/.venv/dialogue)
#      MISSES=1     also list the tuning splits' missed lines (never the held-out one's)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
here="$root/Benchmarks/dialogue"
scratch="${SCRATCH:-.build}"
KEFU_BIN="${KEFU_BIN:-$root/$scratch/release/kefu}"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "[bench] swift build -c release --product kefu" >&2
  swift build -c release --product kefu --scratch-path "$scratch" >&2
fi
echo '{"session":"cache","text":"你好"}' | "$KEFU_BIN" serve --stdio --bot "$root" > /dev/null   # train and cache once

peer_args=()
if [[ "${PEERS:-1}" == 1 ]]; then
  venv="$root/Benchmarks/.venv/dialogue"
  [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
  "$venv/bin/python" -c "import sklearn, yaml" 2>/dev/null \
    || "$venv/bin/pip" install -q --disable-pip-version-check scikit-learn pyyaml >&2
  peer_args=(--peer-python "$venv/bin/python")
fi
extra=()
[[ "${MISSES:-0}" == 1 ]] && extra=(--show-misses)

mkdir -p "$here/work" "$root/Benchmarks/results"
report="$here/work/dialogue.md"
{
  echo "# Dialogue benchmark: independently written customer lines on the demo bot"
  echo
  python3 "$here/harness.py" --kefu "$KEFU_BIN" --bot "$root" --data "$here/data" --topics "$here/topic-map.yml" \
    --splits "${SPLITS:-tune,tune2,tune3,heldout}" "${peer_args[@]}" "${extra[@]}"
  cat "$here/method.md"
} > "$report"
cat "$report"
if [[ "${MISSES:-0}" != 1 && "${SPLITS:-tune,tune2,tune3,heldout}" == "tune,tune2,tune3,heldout" ]]; then
  cp "$report" "$root/Benchmarks/results/dialogue.md"
  echo "[bench] saved Benchmarks/results/dialogue.md" >&2
fi
