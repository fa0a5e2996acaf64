#!/usr/bin/env python3
"""Copy the permissively licensed files of the shared corpus into Tests/Fixtures.

Reads ../shared/corpus/MANIFEST.tsv, keeps rows whose licence is MIT, Apache-2.0 or a
BSD variant, copies each file byte-exact (then compares), and writes
Tests/Fixtures/fixtures.tsv and Tests/Fixtures/SOURCES.md.

Usage: tools/samples/copy_fixtures.py [CORPUS_DIR]   (run from the repo root)
"""
import csv
import filecmp
import os
import re
import shutil
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "corpus"))
DEST = os.path.join(REPO, "Tests", "Fixtures")
ALLOWED = re.compile(r"^(MIT|Apache-2\.0|BSD)\b")


def status_of(note: str) -> str:
    """valid | malformed | edge, from the manifest note's first word."""
    n = note.strip().lower()
    if n.startswith("malformed"):
        return "malformed"
    if n.startswith("valid-ish") or n.startswith("edge"):
        return "edge"
    if n.startswith("valid"):
        return "valid"
    if n.startswith("large file") and "no unz" in n:
        return "malformed"
    if n.startswith("tradacoms"):
        return "valid"
    return "edge"


def licence_family(lic: str) -> str:
    return ALLOWED.match(lic).group(1)


def md(s: str) -> str:
    return s.replace("|", "\\|")


def main() -> int:
    with open(os.path.join(CORPUS, "MANIFEST.tsv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    kept = [r for r in rows if ALLOWED.match(r["license_if_known"])]
    for r in kept:
        src = os.path.join(CORPUS, r["file"])
        dst = os.path.join(DEST, r["file"])
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(src, dst)
        if not filecmp.cmp(src, dst, shallow=False):
            print(f"MISMATCH {r['file']}", file=sys.stderr)
            return 1
        m = re.search(r"\[(\d+) bytes\]", r["notes"])
        if m and int(m.group(1)) != os.path.getsize(dst):
            print(f"note: size differs from manifest note for {r['file']}", file=sys.stderr)

    # Plain tab-separated, no quoting: no field contains a tab or a line break.
    with open(os.path.join(DEST, "fixtures.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("file\tformat\ttransaction\tversion\tstatus\texpected\n")
        for r in kept:
            fields = [r["file"], r["format"], r["transaction"], r["version"], status_of(r["notes"]), r["notes"]]
            assert not any("\t" in x or "\n" in x for x in fields)
            f.write("\t".join(fields) + "\n")

    counts = {}
    for r in kept:
        key = (licence_family(r["license_if_known"]), r["file"].split("/")[0])
        counts[key] = counts.get(key, 0) + 1
    with open(os.path.join(DEST, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Test fixtures: where they come from\n\n")
        f.write("Every file below is a byte-exact copy (copied, then compared) of a file in the shared\n"
                "corpus (`../shared/corpus`, see its `MANIFEST.tsv`), which collected them from the public\n"
                "repositories named here. Only files whose licence is MIT, Apache-2.0 or BSD are copied;\n"
                "GPL, LGPL and CDDL files stay out of this repository. File names are the corpus names.\n"
                "`.gitattributes` marks `Tests/Fixtures/**` as `-text`, so git never rewrites line endings.\n\n"
                "`fixtures.tsv` is the machine-readable form for tests: plain tab-separated, one header\n"
                "line, no quoting (no field contains a tab or a line break). Columns: `file` (relative to\n"
                "this folder), `format`, `transaction`, `version` (copied from the manifest), `status`\n"
                "(`valid`, `malformed` or `edge`, derived from the first word of the manifest note:\n"
                "`valid` → valid, `malformed` → malformed, `edge` and `valid-ish` → edge; the 2 MB ORDERS file\n"
                "without UNZ → malformed), and `expected` (the manifest note, verbatim).\n\n"
                "Regenerate with `tools/samples/copy_fixtures.py`.\n\n")
        f.write("## Counts\n\n| licence | x12/ | edifact/ | malformed/ | total |\n|---|---|---|---|---|\n")
        for lic in ("MIT", "Apache-2.0", "BSD"):
            a, b, c = (counts.get((lic, d), 0) for d in ("x12", "edifact", "malformed"))
            f.write(f"| {lic} | {a} | {b} | {c} | {a+b+c} |\n")
        f.write(f"| all | {sum(v for (l,d),v in counts.items() if d=='x12')} | "
                f"{sum(v for (l,d),v in counts.items() if d=='edifact')} | "
                f"{sum(v for (l,d),v in counts.items() if d=='malformed')} | {len(kept)} |\n\n")
        f.write("## Files\n\n| file | source repository | original path | licence | manifest note |\n|---|---|---|---|---|\n")
        for r in kept:
            f.write(f"| `{md(r['file'])}` | {md(r['source_repo_or_package'])} | `{md(r['source_path'])}` | "
                    f"{md(r['license_if_known'])} | {md(r['notes'])} |\n")
    print(f"copied {len(kept)} files")
    for k in sorted(counts):
        print(k, counts[k])
    return 0


if __name__ == "__main__":
    sys.exit(main())
