#!/usr/bin/env bash
# Fuzzes the EDICore tokenizer, envelope outliner and segment writer with libFuzzer.
#
#   Fuzz/run.sh [SECONDS] [extra libFuzzer flags…]     build, then fuzz (default 600 s)
#   Fuzz/run.sh build                                   build only → .build-fuzz/edicore-fuzz
#   .build-fuzz/edicore-fuzz Tests/Fuzz/regressions/*   replay saved inputs
#
# The target (Fuzz/Sources/FuzzTarget.swift) is compiled with Sources/EDICore (and the C of
# Sources/CEDIScan) into one module
# with -sanitize=fuzzer,address. For every input it checks that the tokenizer gives the same
# events whole and split at a point derived from the input, runs the EnvelopeOutliner, and
# writes every interchange read without error back with SegmentWriter and re-reads it: the
# segments the writer accepts must come back with the same tags and values.
#
# The seed corpus is Tests/Fixtures, copied at run time into .build-fuzz/corpus (which also
# keeps what libFuzzer finds). Crashes land in .build-fuzz/artifacts; a fixed one is saved in
# Tests/Fuzz/regressions/, which .ci/run replays through `edikit inspect`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build-fuzz
mkdir -p "$out/artifacts"

# The block classifier (Sources/CEDIScan) is C: compiled with the toolchain's clang, imported
# through its module map.
clang=$(dirname "$(readlink -f "$(command -v swiftc)")")/clang
"$clang" -O2 -g -fsanitize=fuzzer-no-link,address -I Sources/CEDIScan/include -c Sources/CEDIScan/CEDIScan.c \
  -o "$out/CEDIScan.o"
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name EDICoreFuzz \
  -swift-version 6 -enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault \
  -I Sources/CEDIScan/include Sources/EDICore/*.swift Fuzz/Sources/*.swift "$out/CEDIScan.o" \
  -o "$out/edicore-fuzz" 2>"$out/build.log" \
  || { cat "$out/build.log" >&2; exit 1; }
grep -v "Cannot export local symbol" "$out/build.log" >&2 || true
[ "${1:-}" = build ] && exit 0

seconds=${1:-600}
shift || true
rm -rf "$out/seeds"
mkdir -p "$out/seeds" "$out/corpus"
find Tests/Fixtures -type f \( -name '*.edi' -o -name '*.txt' -o -name '*.x12' \) -exec cp {} "$out/seeds/" \;
[ -d Tests/Fuzz/regressions ] && cp Tests/Fuzz/regressions/* "$out/seeds/" 2>/dev/null || true
export SWIFT_BACKTRACE=enable=no
exec "$out/edicore-fuzz" "$out/corpus" "$out/seeds" -max_total_time="$seconds" -timeout=5 \
  -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$out/artifacts/" -print_final_stats=1 "$@"
