#!/usr/bin/env bash
# End-to-end benchmark of `edikit translate` (issue 5): a release `edikit` process translating each
# file to compact JSON, as an operator runs it, RUNS times per file (alternating between the files),
# each into an empty output folder under WORK that is deleted after the run.
#
#   Benchmarks/translate.sh [FILE…]      default: /tmp/bench/x12_100M.x12 /tmp/bench/edifact_100M.edi
#   RUNS=7 JOBS=2 WORK=/dev/shm/edikit-translate-bench Benchmarks/translate.sh …
#   EDIKIT=path/to/edikit Benchmarks/translate.sh …      (an edikit already built)
#
# Without EDIKIT it builds one with the Swift runtime and Foundation linked in, as a deployed binary
# is shipped: swift build -c release --static-swift-stdlib --product edikit --scratch-path
# ${SCRATCH:-.build-static} (set DYNAMIC=1 for the shared libraries of the toolchain instead).
# Linking them in saves the dynamic loader's work at each start (about 5 ms of the 25-30 ms a run
# takes before it reads its input) and an indirection at each runtime call.
#
# WORK defaults to /dev/shm (tmpfs), which measures the translator rather than the disk; point it at
# a disk folder to include the file system. Each run prints wall seconds, MB/s (10^6 bytes), CPU
# seconds (user + system) and peak RSS (/usr/bin/time); then, per file, the median and the best.
#
# Inputs (never in the repository):
#   python3 /work/shared/bench/gen_x12.py 100M /tmp/bench/x12_100M.x12
#   python3 /work/shared/bench/gen_edifact.py 100M /tmp/bench/edifact_100M.edi
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
jobs=${JOBS:-2}
work=${WORK:-/dev/shm/edikit-translate-bench}
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(/tmp/bench/x12_100M.x12 /tmp/bench/edifact_100M.edi)
if [ -z "${EDIKIT:-}" ]; then
  link=(--static-swift-stdlib)
  [ "${DYNAMIC:-0}" = 1 ] && link=()
  scratch=${SCRATCH:-.build-static}
  [ "${DYNAMIC:-0}" = 1 ] && scratch=${SCRATCH:-.build-release}
  swift build -c release "${link[@]}" --product edikit --scratch-path "$scratch" >/dev/null
  EDIKIT="$(swift build -c release "${link[@]}" --product edikit --scratch-path "$scratch" --show-bin-path)/edikit"
fi
for file in "${files[@]}"; do
  [ -r "$file" ] || { echo "missing input $file (see the comment at the top for how to make it)" >&2; exit 2; }
done
mkdir -p "$work"
results=$(mktemp)
trap 'rm -rf "$results" "${work:?}/out"' EXIT

echo "edikit translate FILE --out $work/out --compact --jobs $jobs   ($runs runs a file, $(date -u +%H:%M) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "file | wall s | MB/s | CPU s (user+sys) | peak RSS MB"
for _ in $(seq "$runs"); do
  for file in "${files[@]}"; do
    rm -rf "$work/out"
    size=$(stat -c %s "$file")
    # `|| true`: a file with invalid transactions exits 1 after translating the rest.
    figures=$(/usr/bin/time -f "%e %U %S %M" "$EDIKIT" translate "$file" --out "$work/out" --compact --jobs "$jobs" 2>&1 >/dev/null | tail -1 || true)
    read -r wall user sys rss <<<"$figures"
    line=$(awk -v f="$(basename "$file")" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$size" \
      'BEGIN { printf "%s | %.2f | %.0f | %.2f | %.1f\n", f, w, b / 1e6 / w, u + s, r / 1024 }')
    echo "$line" | tee -a "$results"
  done
done
echo "file | median MB/s | best MB/s | median wall s"
for file in "${files[@]}"; do
  name=$(basename "$file")
  grep "^$name |" "$results" | awk -F' [|] ' '{ print $3, $2 }' | sort -n |
    awk -v f="$name" '{ mbs[NR] = $1; wall[NR] = $2 } END { m = int((NR + 1) / 2); printf "%s | %s | %s | %s\n", f, mbs[m], mbs[NR], wall[m] }'
done
