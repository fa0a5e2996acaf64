#!/usr/bin/env bash
# Builds edikit-bench in release and measures the tokenizer: each (file, mode) 3 times, the median
# run printed (by MB/s), then the floors from /work/shared/bench/count_term.c: `read` (memchr for
# the terminator) and `scan` (a plain C loop over a 256-entry class table).
#
#   Benchmarks/run.sh [FILE…]        default: /tmp/bench/x12_100M.x12 /tmp/bench/edifact_100M.edi
#   RUNS=5 MODES=tokenize Benchmarks/run.sh …
#   SCRATCH=/path/to/build-folder Benchmarks/run.sh …     (default .build-bench)
#
# Inputs (never in the repository):
#   python3 /work/shared/bench/gen_x12.py 100M /tmp/bench/x12_100M.x12
#   python3 /work/shared/bench/gen_edifact.py 100M /tmp/bench/edifact_100M.edi
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
scratch=${SCRATCH:-.build-bench}
swift build -c release --scratch-path "$scratch" --package-path Benchmarks --product edikit-bench >/dev/null
bench=$scratch/release/edikit-bench
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(/tmp/bench/x12_100M.x12 /tmp/bench/edifact_100M.edi)

floor=""
if [ -f /work/shared/bench/count_term.c ]; then
  floor=$scratch/count_term
  [ -x "$floor" ] || cc -O2 -o "$floor" /work/shared/bench/count_term.c
fi

echo "file | mode | MB/s | segments/s | elapsed s | peak RSS MB   (median of $runs)"
for file in "${files[@]}"; do
  for mode in ${MODES:-tokenize tokenize-events outline outline-lean}; do
    results=()
    for _ in $(seq "$runs"); do
      results+=("$("$bench" "$mode" "$file" | tail -1)")
    done
    median=$(printf '%s\n' "${results[@]}" | sed 's/.*MB\/s=\([0-9.]*\).*/\1 &/' | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { $1 = ""; print }')
    echo "$(basename "$file") | $mode |$median"
  done
  if [ -n "$floor" ]; then
    size=$(stat -c %s "$file")
    for floor_mode in read scan; do
      times=()
      for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        "$floor" "$floor_mode" "$file" >/dev/null
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc -l)")
      done
      t=$(printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)')
      printf '%s | count_term %s | MB/s=%.0f | elapsed_s=%.3f\n' "$(basename "$file")" "$floor_mode" \
        "$(echo "$size / 1000000 / $t" | bc -l)" "$t"
    done
  fi
done
