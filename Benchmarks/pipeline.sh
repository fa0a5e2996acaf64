#!/usr/bin/env bash
# Load benchmark of the watched-folder pipeline, with a release `edikit` process as an operator runs it:
#
#   small  FILES (default 10,000) small partner files made from Samples/inbox (Benchmarks/pipeline/make_inbox.py,
#          distinct control numbers, 850/820 from Globex, ORDERS/REMADV from Initech, guides applied) dropped into
#          inbox/ at once, then one `edikit watch ROOT --once`
#   large  one big X12 850 file (default /tmp/bench/x12_1G.x12, from /work/shared/bench/gen_x12.py 1G) with its ISA
#          sender and receiver set to Globex and ACME, through the same command (Globex without its guide: the
#          generated orders are not written to it; size limit raised)
#
#   Benchmarks/pipeline.sh [small|large|all]
#   EDIKIT=path/to/edikit FILES=10000 LARGE=/tmp/bench/x12_1G.x12 WORK=/tmp/edikit-pipeline-bench Benchmarks/pipeline.sh
#
# Without EDIKIT it builds one: swift build -c release --product edikit --scratch-path ${SCRATCH:-.build-release}.
# Each run prints wall time, files/s, MB/s (10^6 bytes), CPU seconds (user + system) and peak RSS of the edikit
# process (/usr/bin/time), and what the pass did. Inputs and workspaces live under WORK (keep it in /tmp, never
# in the repository); the large file is hard-linked into the inbox, so it must be on the same file system.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
what=${1:-all}
work=${WORK:-/tmp/edikit-pipeline-bench}
files=${FILES:-10000}
large=${LARGE:-/tmp/bench/x12_1G.x12}
if [ -z "${EDIKIT:-}" ]; then
  swift build -c release --product edikit --scratch-path "${SCRATCH:-.build-release}" >/dev/null
  EDIKIT="$(swift build -c release --product edikit --scratch-path "${SCRATCH:-.build-release}" --show-bin-path)/edikit"
fi
mkdir -p "$work"

# A workspace made by `edikit init`, with the demo configuration (guides copied, paths made relative to the root).
workspace() {
  local root=$1
  rm -rf "$root"
  "$EDIKIT" init "$root" >/dev/null
  cp -R "$repo/Samples/guides" "$root/guides"
  sed -e 's#Samples/guides/#guides/#' "$repo/Samples/edikit.yaml" > "$root/edikit.yaml"
}

# Runs `edikit watch ROOT --once` under /usr/bin/time and prints the figures for INPUT_FILES files of INPUT_BYTES bytes.
measure() {
  local label=$1 root=$2 input_files=$3 input_bytes=$4
  local timing="$work/$label.time" summary="$work/$label.summary.json"
  sync
  local status=0
  /usr/bin/time -f "%e %U %S %M" -o "$timing" "$EDIKIT" watch "$root" --once --format json > "$summary" 2> "$work/$label.log" || status=$?
  read -r wall user system rss_kb < <(tail -1 "$timing")
  python3 - "$label" "$input_files" "$input_bytes" "$wall" "$user" "$system" "$rss_kb" "$status" "$summary" "$root" <<'EOF'
import json, os, sys
label, files, size, wall, user, system, rss_kb, status, summary, root = sys.argv[1:]
files, size, wall, cpu = int(files), int(size), float(wall), float(user) + float(system)
mb = size / 1e6
try:
    result = json.load(open(summary))
except ValueError:
    result = {"error": open(summary).read()[:300]}
def count(folder):
    return sum(len(names) for _, _, names in os.walk(os.path.join(root, folder)))
print(f"{label}: files={files} MB={mb:.2f} wall_s={wall:.2f} files/s={files / wall:.0f} MB/s={mb / wall:.2f} "
      f"cpu_s={cpu:.2f} (user {float(user):.2f} + sys {float(system):.2f}) files/cpu_s={files / cpu:.0f} MB/cpu_s={mb / cpu:.2f} "
      f"peak_rss_MB={int(rss_kb) / 1000:.1f} exit={status}")
print(f"{label}: pass {json.dumps(result, sort_keys=True)}; archive {count('archive')} files, rejected {count('rejected')}, "
      f"internal {count('internal')}, outbox {count('outbox')}")
EOF
}

if [ "$what" = small ] || [ "$what" = all ]; then
  root="$work/small"
  workspace "$root"
  read -r made < <(python3 "$repo/Benchmarks/pipeline/make_inbox.py" "$repo/Samples" "$root/inbox" "$files")
  bytes=${made#*bytes=}
  measure small "$root" "$files" "$bytes"
fi

if [ "$what" = large ] || [ "$what" = all ]; then
  [ -f "$large" ] || { echo "no $large: python3 /work/shared/bench/gen_x12.py 1G $large" >&2; exit 2; }
  # ISA05-08 (fixed width) to Globex (01/804512378) sending to ACME (ZZ/ACMESUPPLY); the rest of the file is unchanged.
  python3 - "$large" <<'EOF'
import sys
with open(sys.argv[1], "r+b") as f:
    isa = bytearray(f.read(106))
    fields = isa.split(isa[3:4])
    fields[5], fields[6], fields[7], fields[8] = b"01", b"804512378".ljust(15), b"ZZ", b"ACMESUPPLY".ljust(15)
    patched = isa[3:4].join(fields)
    assert len(patched) == 106
    f.seek(0)
    f.write(patched)
EOF
  root="$work/large"
  workspace "$root"
  sed -i -e '/guide: guides\/globex/d' -e 's/maxFileMegabytes: 100/maxFileMegabytes: 5000/' "$root/edikit.yaml"
  ln "$large" "$root/inbox/$(basename "$large")"
  measure large "$root" 1 "$(stat -c %s "$large")"
fi
