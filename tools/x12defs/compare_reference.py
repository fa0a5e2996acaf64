#!/usr/bin/env python3
"""List the differences between our X12 set tables (Schemas/X12) and the reference structures.

    python3 tools/x12defs/compare_reference.py          # text, one difference a line
    python3 tools/x12defs/compare_reference.py --md     # markdown rows for docs/conformance.md
    python3 tools/x12defs/compare_reference.py --dict   # element types/lengths/counts vs OopFactory's dictionaries

References: OopFactory's Ansi-*-4010Specification.xml (810, 820, 850, 855, 856, 997), its 5010 850 and 999,
and pyx12's 997.4010.xml and 999.5010.xml. Each set is flattened to (loop path, segment, max use) in order
and aligned; a row says what is only ours, only the reference's, or different in max use / requirement.
"""
import difflib
import os
import sys
import xml.etree.ElementTree as ET

import x12facts as F

NS = F.OOP_NS
OOP = {
    ("004010", s): os.path.join(F.OOP_SPECS, "Ansi-%s-4010Specification.xml" % s)
    for s in ("810", "820", "850", "855", "856", "997")
}
OOP[("005010", "850")] = os.path.join(F.REFERENCE, "oopfactory", "fosterhaines-X12.NET", "src", "X12.Specifications",
                                      "Resource", "Ansi-850-5010Specification.xml")
OOP[("005010", "999")] = os.path.join(F.OOP_SPECS, "Ansi-999-5010Specification.xml")
PYX = {("004010", "997"): os.path.join(F.PYX12_MAP, "997.4010.xml"),
       ("005010", "999"): os.path.join(F.PYX12_MAP, "999.5010.xml")}


def ours(version, set_id):
    root = ET.parse(os.path.join(F.REPO, "Schemas", "X12", version, set_id + ".xml")).getroot()
    rows = []

    def walk(node, path):
        for child in node:
            if child.tag == "segment":
                rows.append((path, child.get("ref"), child.get("max"), child.get("usage")))
            elif child.tag == "loop":
                walk(child, path + "/" + child[0].get("ref"))
    walk(root.find("structure"), "")
    return [r for r in rows if r[1] not in ("ST", "SE")]


def oop(path):
    root = ET.parse(path).getroot()
    rows = []

    def seg_max(seg):
        return seg.get("Repeat") or ""

    def walk(node, prefix):
        for child in node:
            tag = child.tag.replace(NS, "")
            if tag == "Segment":
                rows.append((prefix, child.get("SegmentId"), seg_max(child),
                             "M" if child.get("Usage") == "Required" else "O"))
            elif tag in ("Loop", "HierarchicalLoop"):
                start = child.find(NS + "StartingSegment")
                trigger = start.get("SegmentId") if start is not None else "HL"
                where = prefix + "/" + trigger
                rows.append((where, trigger, "1", "M"))
                walk(child, where)
    walk(root, "")
    return [r for r in rows if r[1] not in ("ST", "SE")]


def pyx(path):
    root = ET.parse(path).getroot()
    rows = []

    def walk(node, prefix, inside):
        for child in node:
            if child.tag == "loop":
                xid = child.get("xid")
                if xid in ("ISA_LOOP", "GS_LOOP", "ST_LOOP", "HEADER", "DETAIL", "FOOTER"):
                    walk(child, prefix, inside or xid == "ST_LOOP")
                    continue
                first = child.find("segment")
                where = prefix + "/" + first.get("xid")
                walk(child, where, inside)
            elif child.tag == "segment" and inside:
                maximum = child.findtext("max_use")
                rows.append((prefix, child.get("xid"), "unbounded" if maximum == ">1" else maximum,
                             "M" if child.findtext("usage") == "R" else "O"))
    walk(root, "", False)
    # collapse pyx12's situational duplicates (two CTX descriptions at one position)
    out = []
    for row in rows:
        if out and out[-1][:2] == row[:2]:
            continue
        out.append(row)
    return [r for r in out if r[1] not in ("ST", "SE")]


def compare(name, mine, theirs):
    diffs = []
    key = lambda r: r[0] + "/" + r[1] if not r[0].endswith("/" + r[1]) or True else r[0]
    a = [r[0] + "|" + r[1] for r in mine]
    b = [r[0] + "|" + r[1] for r in theirs]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for x, y in zip(mine[i1:i2], theirs[j1:j2]):
                trigger = x[0].endswith("/" + x[1]) and y[0] == x[0]
                if y[2] and x[2] != y[2] and not trigger:
                    diffs.append((name, x[0] or "/", x[1], "max use", x[2], y[2]))
            continue
        for x in mine[i1:i2]:
            diffs.append((name, x[0] or "/", x[1], "only ours", "%s max %s" % (x[3], x[2]), "-"))
        for y in theirs[j1:j2]:
            diffs.append((name, y[0] or "/", y[1], "only reference", "-", "%s max %s" % (y[3], y[2] or "?")))
    return diffs


def compare_856(name, mine, theirs):
    """OopFactory models the 856 HL loop as one loop per level (SHIPMENT, ORDER, TARE, PACK, ITEM) with
    level-specific contents and N1 loops chosen by N101; ours is the X12 table's single HL loop. Compare
    the segments each allows under HL instead of the order."""
    ours_tags = {r[1] for r in mine if r[0].startswith("/HL")}
    ref_tags = {r[1] for r in theirs if r[0].startswith("/HL")}
    diffs = [(name, "/HL", "(model)", "HL levels", "one HL loop as in the X12 table",
              "one loop per HL level with level-specific content")]
    for tag in sorted(ours_tags - ref_tags):
        diffs.append((name, "/HL", tag, "only ours", "in HL loop", "-"))
    for tag in sorted(ref_tags - ours_tags):
        diffs.append((name, "/HL", tag, "only reference", "-", "in an HL level"))
    top_ours = [r for r in mine if not r[0].startswith("/HL")]
    top_ref = [r for r in theirs if not r[0].startswith("/HL")]
    return diffs + compare(name, top_ours, top_ref)


def all_diffs():
    diffs = []
    for (version, set_id), path in sorted(OOP.items()):
        if set_id == "856":
            diffs += compare_856("%s %s vs OopFactory" % (version, set_id), ours(version, set_id), oop(path))
            continue
        diffs += compare("%s %s vs OopFactory" % (version, set_id), ours(version, set_id), oop(path))
    for (version, set_id), path in sorted(PYX.items()):
        diffs += compare("%s %s vs pyx12" % (version, set_id), ours(version, set_id), pyx(path))
    return diffs


def load_reasons():
    reasons = []
    with open(os.path.join(F.FACTS, "reference_reasons.txt"), encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                parts = [p.strip() for p in line.split("|")]
                reasons.append((parts[:4], parts[4]))
    return reasons


def reason_for(diff, reasons):
    import fnmatch
    keys = [diff[0], diff[1], diff[2], diff[3]]
    for pattern, reason in reasons:
        if all(fnmatch.fnmatchcase(k, p) for k, p in zip(keys, pattern)):
            return reason
    return None


def dictionary_diffs(version, spec):
    """Our dictionary's segments against an OopFactory segment listing: element counts, types and lengths."""
    listing = F.load_oop_segments(spec)
    root = ET.parse(os.path.join(F.REPO, "Schemas", "X12", version, "dictionary.xml")).getroot()
    elements = {e.get("id"): e for e in root.find("elements")}
    rows = []
    for seg in root.find("segments"):
        tag = seg.get("id")
        ref = listing.get(tag)
        uses = [u for u in seg if u.tag in ("element", "composite")]
        if ref is None:
            continue
        if len(uses) != len(ref):
            rows.append((tag, "count", "ours %d elements, OopFactory %d" % (len(uses), len(ref))))
        for use in uses:
            position = int(use.get("position"))
            if use.tag == "composite" or position > len(ref):
                continue
            _, required, dtype, minimum, maximum, _ = ref[position - 1]
            mine = elements[use.get("ref")]
            ours = (mine.get("type"), int(mine.get("minLength")), int(mine.get("maxLength")))
            theirs = (ours[0] if dtype == "N" and ours[0].startswith("N") else dtype, minimum, maximum)
            if ours != theirs:
                rows.append((tag, "%s%02d" % (tag, position), "ours %s %d-%d (%s), OopFactory %s %d-%d" % (
                    ours + (use.get("ref"), dtype, minimum, maximum))))
            if required and use.get("usage") != "M":
                rows.append((tag, "%s%02d" % (tag, position), "OopFactory mandatory, ours %s" % use.get("usage")))
    return rows


def main():
    if "--dict" in sys.argv:
        for version, spec in (("004010", "Ansi-4010Specification.xml"), ("005010", "Ansi-5010Specification.xml")):
            for row in dictionary_diffs(version, spec):
                print(version + "  " + "  ".join(row))
        return
    diffs = all_diffs()
    reasons = load_reasons()
    missing = 0
    for d in diffs:
        reason = reason_for(d, reasons)
        if reason is None:
            missing += 1
            reason = "NO REASON"
        if "--md" in sys.argv:
            print("| %s | %s | %s | %s | %s | %s | %s |" % (d + (reason,)))
        else:
            print("  ".join(d + (reason,)))
    print("%d differences, %d without a reason" % (len(diffs), missing), file=sys.stderr)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
