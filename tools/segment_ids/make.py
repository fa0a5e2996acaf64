#!/usr/bin/env python3
"""Writes Schemas/<syntax>/<version>/segment-ids.txt: every segment tag the standard defines in that
version, so the validator can tell an unrecognized segment id (997 AK304=1) from a real segment that
is not part of the transaction set (AK304=6).

Sources (../shared/reference):
  EDIFACT D96A  unece/D96A/TRSD/TRSDI1.96A  (index of segments by tag)
  EDIFACT D01B  unece/D01B/EDSD/EDSDI1.01B  (index of segments by tag)
  X12 005010    oopfactory .../Ansi-5010Specification.xml (every <Segment SegmentId>)
  X12 004010    the 005010 list plus the segments of Schemas/X12/004010/dictionary.xml: no complete
                004010 segment list is in the reference; a 005010-only tag in a 004010 file is then
                reported as not in the set (AK304=6) rather than unrecognized (AK304=1).

    python3 tools/segment_ids/make.py          # write
    python3 tools/segment_ids/make.py --check  # fail if a file would change
"""
import pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
REF = next((p for p in (ROOT.parent / "shared" / "reference", pathlib.Path("/work/shared/reference")) if p.exists()),
           ROOT.parent / "shared" / "reference")
OOP = REF / "oopfactory/Inteligenz-X12Parser/src/OopFactory.X12/Specifications"


def unece_index(path):
    tags = set()
    for line in path.read_text(encoding="latin-1").splitlines():
        if re.match(r"^1\.2\s", line):
            break
        match = re.match(r"^[ +*#|X-]{1,5}\s*([A-Z][A-Z0-9]{2})\s{2,}\S", line)
        if match:
            tags.add(match.group(1))
    return tags


def x12_5010():
    text = (OOP / "Ansi-5010Specification.xml").read_text(encoding="utf-8-sig")
    return set(re.findall(r'<Segment SegmentId="([A-Z0-9]+)"', text))


def dictionary_tags(version):
    text = (ROOT / "Schemas/X12" / version / "dictionary.xml").read_text()
    return set(re.findall(r'<segment id="([A-Z0-9]+)"', text))


def main():
    lists = {
        "EDIFACT/D96A": (unece_index(REF / "unece/D96A/TRSD/TRSDI1.96A"), "UNECE D96A TRSD index (TRSDI1.96A)"),
        "EDIFACT/D01B": (unece_index(REF / "unece/D01B/EDSD/EDSDI1.01B"), "UNECE D01B EDSD index (EDSDI1.01B)"),
        "X12/005010": (x12_5010(), "OopFactory Ansi-5010Specification.xml"),
        "X12/004010": (x12_5010() | dictionary_tags("004010"),
                       "OopFactory Ansi-5010Specification.xml plus Schemas/X12/004010/dictionary.xml"),
    }
    check = "--check" in sys.argv
    stale = []
    for folder, (tags, source) in lists.items():
        text = f"# Every segment tag of {folder.replace('/', ' ')}, from {source}.\n" \
               "# Written by tools/segment_ids/make.py; used to tell an unrecognized segment id from one not in the set.\n"
        text += "".join(f"{tag}\n" for tag in sorted(tags))
        path = ROOT / "Schemas" / folder / "segment-ids.txt"
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(str(path))
        else:
            path.write_text(text)
            print(f"{path.relative_to(ROOT)}: {len(tags)} tags")
    if stale:
        sys.exit("stale: " + ", ".join(stale))


main()
