#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each, JOBS at a time, from seeds that
# fuzz/examples/write_seeds.rs writes. Needs rustup's nightly toolchain and cargo-fuzz (installed
# here if missing). Crashes land in fuzz/artifacts/<target>/; each run's last lines go to
# fuzz/runs/<target>.log and a summary (executions, time, outcome) is printed at the end.
#   scripts/fuzz.sh 600            # all targets, 10 minutes each
#   JOBS=2 scripts/fuzz.sh 60 png  # one target, one minute
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-600}
shift || true
jobs=${JOBS:-1}
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo +nightly fuzz list)

cargo run -q --example write_seeds corpus
for t in "${targets[@]}"; do cargo +nightly fuzz build "$t"; done
mkdir -p runs
# Limits: a reader may not allocate more than any real file of its kind justifies.
run_one() {
  local t=$1
  cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=512 -print_final_stats=1 >"runs/$t.log" 2>&1
}
status=0
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || status=1; running=$((running - 1)); fi
done
while [ "$running" -gt 0 ]; do wait -n || status=1; running=$((running - 1)); done

printf '%-14s %12s %8s  %s\n' target executions seconds outcome
for t in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "runs/$t.log" | grep -o '[0-9]*$' || echo '?')
  time=$(grep -o 'Done [0-9]* runs in [0-9]* second' "runs/$t.log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo '?')
  if grep -q 'Done [0-9]* runs' "runs/$t.log"; then outcome=clean; else outcome="FAILED (fuzz/runs/$t.log, fuzz/artifacts/$t/)"; fi
  printf '%-14s %12s %8s  %s\n' "$t" "$runs" "$time" "$outcome"
done
exit $status
