#!/usr/bin/env python3
"""Check X12 sample files against the generated Schemas/X12 definitions.

    python3 tools/x12defs/check_corpus.py                 # every valid 004010/005010 sample in the corpus
    python3 tools/x12defs/check_corpus.py FILE...         # given files

A small, independent reader and validator (segment order and loops, element count, mandatory elements,
lengths, types, closed code lists, syntax rules) used only to check our definitions; the real validator
is EDISchema. Prints one line per finding and a summary; exit 1 when any finding is an error.
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SCHEMAS = os.path.join(REPO, "Schemas", "X12")
CORPUS = os.environ.get("EDIKIT_CORPUS", os.path.abspath(os.path.join(REPO, "..", "shared", "corpus")))
SETS = {"850", "855", "856", "810", "820", "997", "999"}


class Schema:
    def __init__(self, version, path=None):
        folder = os.path.join(SCHEMAS, version)
        root = ET.parse(path or os.path.join(folder, "dictionary.xml")).getroot()
        self.elements = {}
        for e in root.find("elements"):
            codes = e.find("codes")
            self.elements[e.get("id")] = {
                "type": e.get("type"), "min": int(e.get("minLength")), "max": int(e.get("maxLength")),
                "closed": codes is not None and codes.get("closed") == "true",
                "codes": {c.get("value") for c in codes} if codes is not None else set()}
        self.composites = {c.get("id"): self._uses(c, "component") for c in (root.find("composites") or [])}
        self.segments = {s.get("id"): self._uses(s, None) for s in root.find("segments")}
        self.sets = {}
        self.hierarchies = {}
        if path:
            return
        for path in glob.glob(os.path.join(folder, "*.xml")):
            name = os.path.basename(path)[:-4]
            if name.isdigit():
                troot = ET.parse(path).getroot()
                self.sets[name] = self._structure(troot.find("structure"))
                hierarchy = troot.find("hierarchy")
                if hierarchy is not None:
                    self.hierarchies[name] = {lv.get("code"): lv.get("parents", "").split() for lv in hierarchy}

    @staticmethod
    def _uses(node, only):
        uses, rules = [], []
        for child in node:
            if child.tag in ("element", "composite", "component"):
                uses.append((int(child.get("position")), child.get("ref"), child.get("usage"),
                             child.tag == "composite" or (child.get("ref").startswith("C") and child.get("ref")[1:].isdigit())))
            elif child.tag == "rule":
                rules.append((child.get("kind"), [int(p) for p in child.get("positions").split()]))
        repeat = {int(c.get("position")): int(c.get("repeat")) for c in node
                  if c.get("repeat") not in (None, "unbounded")}
        return {"uses": uses, "rules": rules, "repeat": repeat}

    def _structure(self, node):
        out = []
        for child in node:
            maximum = child.get("max")
            maximum = 10 ** 9 if maximum == "unbounded" else int(maximum)
            if child.tag == "segment":
                out.append({"kind": "seg", "tag": child.get("ref"), "usage": child.get("usage"), "max": maximum,
                            "pos": child.get("position")})
            else:
                kids = self._structure(child)
                out.append({"kind": "loop", "id": child.get("id"), "usage": child.get("usage"), "max": maximum,
                            "children": kids, "tag": kids[0]["tag"]})
        return out


def split_interchanges(data):
    text = data.decode("latin-1")
    if text.startswith("\xef\xbb\xbf"):
        text = text[3:]
    start = text.find("ISA")
    if start < 0:
        return None
    text = text[start:]
    element_sep = text[3]
    # ISA is 106 characters when the fixed-length elements are honoured
    component_sep = text[104]
    terminator = text[105]
    raw = text.split(terminator)
    segments = []
    for piece in raw:
        piece = piece.strip("\r\n \t")
        if piece:
            segments.append(piece.split(element_sep))
    repetition = text[82] if text[84:89] >= "00402" and not text[82].isalnum() else None
    return segments, component_sep, repetition


def check_value(schema, ref, value, where, findings):
    definition = schema.elements.get(ref)
    if definition is None:
        findings.append(("error", where, "no definition for element %s" % ref))
        return
    dtype = definition["type"]
    length = len(value.lstrip("-").replace(".", "")) if dtype in ("R",) or dtype.startswith("N") else len(value)
    if dtype not in ("AN",) and value.strip() == "":
        findings.append(("error", where, "blank value"))
    if length < definition["min"] or length > definition["max"]:
        findings.append(("error", where, "length %d outside %d-%d for %s (%r)" % (
            length, definition["min"], definition["max"], ref, value)))
    if dtype.startswith("N") and not re.fullmatch(r"-?\d+", value):
        findings.append(("error", where, "not numeric (%s): %r" % (dtype, value)))
    if dtype == "R" and not re.fullmatch(r"-?(\d+\.?\d*|\.\d+)", value):
        findings.append(("error", where, "not a decimal: %r" % value))
    if dtype == "DT" and not re.fullmatch(r"\d{6}|\d{8}", value):
        findings.append(("error", where, "not a date: %r" % value))
    if dtype == "TM" and not re.fullmatch(r"\d{4,8}", value):
        findings.append(("error", where, "not a time: %r" % value))
    if definition["codes"] and value not in definition["codes"]:
        findings.append(("error" if definition["closed"] else "warning", where,
                         "code %r not in %s list of %s" % (value, "closed" if definition["closed"] else "open", ref)))


def check_rules(rules, present, where, findings):
    for kind, positions in rules:
        have = [p for p in positions if p in present]
        if kind == "P" and have and len(have) != len(positions):
            findings.append(("error", where, "rule P%s: all or none" % "".join("%02d" % p for p in positions)))
        elif kind == "R" and not have:
            findings.append(("error", where, "rule R%s: at least one" % "".join("%02d" % p for p in positions)))
        elif kind == "E" and len(have) > 1:
            findings.append(("error", where, "rule E%s: only one" % "".join("%02d" % p for p in positions)))
        elif kind == "C" and positions[0] in present and any(p not in present for p in positions[1:]):
            findings.append(("error", where, "rule C%s" % "".join("%02d" % p for p in positions)))
        elif kind == "L" and positions[0] in present and not any(p in present for p in positions[1:]):
            findings.append(("error", where, "rule L%s" % "".join("%02d" % p for p in positions)))


def schema_repeat(definition, position):
    return definition.get("repeat", {}).get(position, 1)


def check_segment(schema, segment, component_sep, repetition_sep, where, findings):
    tag = segment[0]
    definition = schema.segments.get(tag)
    if definition is None:
        findings.append(("error", where, "segment %s not in dictionary" % tag))
        return
    uses = {u[0]: u for u in definition["uses"]}
    values = segment[1:]
    while values and values[-1] == "":
        values.pop()
    limit = max(uses) if uses else 0
    if len(values) > limit:
        findings.append(("error", where, "%d elements, %s defines %d" % (len(values), tag, limit)))
    present = {i + 1 for i, v in enumerate(values) if v != ""}
    for position, ref, usage, is_composite in definition["uses"]:
        value = values[position - 1] if position <= len(values) else ""
        here = "%s%02d" % (tag, position)
        if value == "":
            if usage == "M":
                findings.append(("error", where, "%s mandatory element missing" % here))
            continue
        repeatable = schema_repeat(definition, position) > 1
        repeats = value.split(repetition_sep) if repeatable and repetition_sep else [value]
        for rep in repeats:
            if is_composite:
                comp = schema.composites.get(ref)
                parts = rep.split(component_sep)
                cpresent = {i + 1 for i, v in enumerate(parts) if v != ""}
                for cpos, cref, cusage, _ in comp["uses"]:
                    cval = parts[cpos - 1] if cpos <= len(parts) else ""
                    if cval == "":
                        if cusage == "M":
                            findings.append(("error", where, "%s-%d mandatory component missing" % (here, cpos)))
                        continue
                    check_value(schema, cref, cval, "%s %s-%d" % (where, here, cpos), findings)
                check_rules(comp["rules"], cpresent, "%s %s" % (where, here), findings)
            else:
                check_value(schema, ref, rep, "%s %s" % (where, here), findings)
    check_rules(definition["rules"], present, "%s %s" % (where, tag), findings)


class Walker:
    """Segment order and loops, the way X12 tables are read: search forward at the current level, then
    in the enclosing levels (leaving the inner loops); a loop's trigger starts a new iteration."""

    def __init__(self, structure, findings, where):
        self.stack = [{"nodes": structure, "index": 0, "counts": {}, "loop": None}]
        self.findings = findings
        self.where = where

    def _close(self, frame, where):
        for i, node in enumerate(frame["nodes"]):
            if node["usage"] == "M" and frame["counts"].get(i, 0) == 0:
                self.findings.append(("error", where, "mandatory %s %s missing%s" % (
                    "loop" if node["kind"] == "loop" else "segment", node.get("id", node["tag"]),
                    " in loop " + frame["loop"] if frame["loop"] else "")))

    def feed(self, tag, where):
        for depth in range(len(self.stack) - 1, -1, -1):
            frame = self.stack[depth]
            nodes = frame["nodes"]
            for j in range(frame["index"], len(nodes)):
                node = nodes[j]
                if node["tag"] != tag:
                    continue
                if depth > 0 and j == 0 and node["kind"] == "seg":
                    continue  # the trigger again: a new iteration, found one level up
                for inner in self.stack[depth + 1:][::-1]:
                    self._close(inner, where)
                del self.stack[depth + 1:]
                frame["index"] = j
                frame["counts"][j] = frame["counts"].get(j, 0) + 1
                if frame["counts"][j] > node["max"]:
                    self.findings.append(("error", where, "%s %s exceeds max use %d" % (
                        "loop" if node["kind"] == "loop" else "segment", node.get("id", tag), node["max"])))
                if node["kind"] == "loop":
                    self.stack.append({"nodes": node["children"], "index": 0, "counts": {0: 1}, "loop": node["id"]})
                return True
        self.findings.append(("error", where, "segment %s not expected here" % tag))
        return False

    def finish(self, where):
        for frame in self.stack[::-1]:
            self._close(frame, where)


ENVELOPE_TAGS = ("ISA", "GS", "GE", "IEA", "TA1", "ISB", "ISE")


def envelope_for(isa12, envelopes):
    for version, schema in envelopes.items():
        if isa12 == version or isa12 in schema.also:
            return schema
    return None


def check_file(path, schemas, findings, envelopes=None):
    parsed = split_interchanges(open(path, "rb").read())
    if parsed is None:
        findings.append(("error", path, "no ISA"))
        return 0
    segments, component_sep, repetition_sep = parsed
    envelope = None
    for segment in segments:
        tag = segment[0].strip()
        if tag == "ISA" and envelopes:
            envelope = envelope_for(segment[12] if len(segment) > 12 else "", envelopes)
        if envelope is not None and tag in ENVELOPE_TAGS:
            seg = [tag] + segment[1:]
            if tag == "GS" and len(seg) > 8 and seg[8][:6] < "004000" and len(seg[4]) == 6:
                seg[4] = "20" + seg[4]  # the envelope note: 6-digit GS04 before 004000
            check_segment(envelope, seg, component_sep, None,
                          "%s %s" % (os.path.basename(path), tag), findings)
    checked = 0
    version = None
    walker = None
    index = 0
    for segment in segments:
        tag = segment[0].strip()
        segment[0] = tag
        if tag == "GS":
            gs08 = segment[8] if len(segment) > 8 else ""
            version = "004010" if gs08.startswith("004010") else "005010" if gs08.startswith("005010") else None
        elif tag == "ST":
            set_id = segment[1]
            index = 1
            if version in schemas and set_id in SETS and set_id in schemas[version].sets:
                schema = schemas[version]
                walker = Walker(schema.sets[set_id], findings, path)
                levels = {}
                hierarchy = schema.hierarchies.get(set_id)
                walker.feed("ST", "%s ST %s" % (path, segment[2] if len(segment) > 2 else "?"))
                checked += 1
            else:
                walker = None
            continue
        if walker is None:
            continue
        index += 1
        where = "%s %s#%d" % (os.path.basename(path), tag, index)
        if tag == "HL" and hierarchy is not None and len(segment) > 3:
            code, parent = segment[3], segment[2]
            levels[segment[1]] = code
            if code in hierarchy:
                parent_code = levels.get(parent) if parent else None
                allowed = hierarchy[code]
                if (parent_code is None and allowed) or (parent_code is not None and parent_code not in allowed):
                    findings.append(("error", where, "HL level %s under %s; allowed parents: %s" % (
                        code, parent_code or "nothing", " ".join(allowed) or "none (top level)")))
        walker.feed(tag, where)
        check_segment(schemas[version], segment, component_sep, repetition_sep, where, findings)
        if tag == "SE":
            walker.finish(where)
            walker = None
    return checked


def corpus_files():
    manifest = os.path.join(CORPUS, "MANIFEST.tsv")
    files = []
    for line in open(manifest, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[0].startswith("x12/"):
            continue
        if not re.search(r"(^|,)00[45]010", cols[3]) and not re.search(r"00[45]01", cols[3]):
            continue
        files.append(os.path.join(CORPUS, cols[0]))
    return files


def load_envelopes():
    out = {}
    for version in ("00401", "00501"):
        path = os.path.join(SCHEMAS, "envelope-%s.xml" % version)
        schema = Schema(version, path)
        schema.also = ET.parse(path).getroot().get("alsoServes", "").split()
        out[version] = schema
    return out


def main():
    schemas = {v: Schema(v) for v in ("004010", "005010")}
    envelopes = load_envelopes()
    files = sys.argv[1:] or corpus_files()
    findings = []
    total = 0
    for path in files:
        before = len(findings)
        count = check_file(path, schemas, findings, envelopes)
        total += count
        errors = sum(1 for f in findings[before:] if f[0] == "error")
        warnings = len(findings) - before - errors
        print("%-70s sets=%d errors=%d warnings=%d" % (os.path.basename(path), count, errors, warnings))
    for severity, where, message in findings:
        if severity == "error" or "-v" in os.environ.get("CHECK_FLAGS", ""):
            print("  %s: %s: %s" % (severity, where, message))
    print("%d transaction sets checked, %d errors, %d warnings" % (
        total, sum(1 for f in findings if f[0] == "error"), sum(1 for f in findings if f[0] == "warning")))
    sys.exit(1 if any(f[0] == "error" for f in findings) else 0)


if __name__ == "__main__":
    main()
