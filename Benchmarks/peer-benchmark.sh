# Shared by the peer benchmarks (Benchmarks/<area>/run.sh): build kefu, set up the Python venv
# with the peers, run the area's harness.py and save its report to Benchmarks/results/<area>.md
# only when every system ran, so a failed run keeps the last good report.
#
# Env: KEFU_DATA  data folder (default: ../shared/data from the repo root)
#      KEFU_BIN   kefu binary to test (default: .build/release/kefu)
#      SKIP_BUILD=1  don't run `swift build`
#      KEFU_COMMIT  the commit KEFU_BIN was built from (for the report; default: HEAD)
#      PEERS_ONLY=1  run the peers only (no kefu; nothing saved)

# run_peer_benchmark AREA_DIR REPORT_NAME PYTHON_IMPORTS PIP_PACKAGES...
#   AREA_DIR: the area's folder (holds harness.py); REPORT_NAME: e.g. faq (→ faq.md);
#   PYTHON_IMPORTS: modules whose import proves the peers are installed (jieba must be 0.42.1).
run_peer_benchmark() {
  local here="$1" name="$2" imports="$3"
  shift 3
  [[ -n "${KEFU_BIN:-}" && "$KEFU_BIN" != /* ]] && KEFU_BIN="$PWD/$KEFU_BIN"
  [[ -n "${KEFU_DATA:-}" && "$KEFU_DATA" != /* ]] && KEFU_DATA="$PWD/$KEFU_DATA"
  cd "$here/../.."   # repo root
  local root="$PWD" start=$SECONDS
  log() { echo "[bench] $*" >&2; }

  local data
  data="$(cd "${KEFU_DATA:-$root/../shared/data}" && pwd)"
  KEFU_BIN="${KEFU_BIN:-$root/.build/release/kefu}"

  # 1. Build kefu.
  if [[ "${PEERS_ONLY:-0}" != 1 && "${SKIP_BUILD:-0}" != 1 ]]; then
    log "swift build -c release --product kefu"
    swift build -c release --product kefu >&2 || log "kefu did not build: its rows will say failed"
  fi

  # 2. Python venv with the peers (reused across runs).
  local venv="$root/Benchmarks/.venv"
  [[ -x "$venv/bin/python" ]] || { log "creating $venv"; python3 -m venv "$venv"; }
  if ! "$venv/bin/python" -c "import $imports, sys; sys.exit(jieba.__version__ != '0.42.1')" 2>/dev/null; then
    log "pip install $*"
    "$venv/bin/pip" install -q --disable-pip-version-check "$@" >&2
  fi

  # 3. Run, report to work/ first, then save.
  mkdir -p Benchmarks/results "$here/work"
  export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
  local kefu_args=(--kefu "$KEFU_BIN") status=0
  [[ "${PEERS_ONLY:-0}" == 1 ]] && kefu_args=()
  "$venv/bin/python" "$here/harness.py" --data "$data" --work "$here/work" "${kefu_args[@]}" \
    > "$here/work/$name.md" || status=$?
  echo "- Whole run: $((SECONDS - start)) s (build, data preparation and every system)." >> "$here/work/$name.md"
  cat "$here/work/$name.md"
  if [[ $status == 0 && "${PEERS_ONLY:-0}" != 1 ]]; then
    cp "$here/work/$name.md" "Benchmarks/results/$name.md"
    log "saved Benchmarks/results/$name.md"
  else
    log "not saved: a system failed or the peers ran alone (status $status); see $here/work/$name.md"
  fi
  return $status
}
