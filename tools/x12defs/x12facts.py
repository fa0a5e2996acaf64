"""Fact tables for the X12 definitions: loading our own text tables plus the public reference data.

Everything here reads files; nothing writes. gen.py turns the facts into schema XML,
check_corpus.py and compare_reference.py use them to check.
"""
import os
import re
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
FACTS = os.path.join(HERE, "facts")
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
REFERENCE = os.environ.get("EDIKIT_REFERENCE", os.path.abspath(os.path.join(REPO, "..", "shared", "reference")))
PYX12_MAP = os.path.join(REFERENCE, "pyx12", "pyx12", "map")
OOP_SPECS = os.path.join(REFERENCE, "oopfactory", "Inteligenz-X12Parser", "src", "OopFactory.X12", "Specifications")
OOP_NS = "{http://tempuri.org/X12ParserSpecification.xsd}"

VERSIONS = ("4010", "5010")
VERSION_CODE = {"4010": "004010", "5010": "005010"}


def _fact_lines(name):
    with open(os.path.join(FACTS, name), encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield line


def _version_prefix(line):
    """Split an optional '@4010 ' / '@5010 ' prefix off a fact line."""
    match = re.match(r"^@(4010|5010)\s+(.*)$", line)
    if match:
        return (match.group(1),), match.group(2)
    return VERSIONS, line


def parse_rules(text):
    """'P0304 C0706' -> [('P', [3, 4]), ('C', [7, 6])]; '#...' markers are dropped."""
    rules = []
    for token in text.split():
        if token.startswith("#"):
            continue
        kind, digits = token[0], token[1:]
        if kind not in "PRECL" or len(digits) % 2 or not digits.isdigit():
            raise ValueError("bad syntax rule %r" % token)
        rules.append((kind, [int(digits[i:i + 2]) for i in range(0, len(digits), 2)]))
    return rules


def parse_element_list(text):
    """'128M 127 C040*10' -> [dict(ref, mandatory, repeat)]"""
    uses = []
    for token in text.split():
        match = re.match(r"^([A-Z]?\d+|\?|-)(M?)(?:\*(\d+))?$", token)
        if not match:
            raise ValueError("bad element token %r" % token)
        uses.append({"ref": match.group(1), "mandatory": match.group(2) == "M",
                     "repeat": int(match.group(3)) if match.group(3) else 1})
    return uses


def load_structures(name):
    """segments.txt / composites.txt -> {version: {tag: {name, elements, rules, unverified_rules}}}"""
    table = {v: {} for v in VERSIONS}
    for line in _fact_lines(name):
        versions, body = _version_prefix(line)
        parts = [p.strip() for p in body.split("|")]
        if len(parts) != 4:
            raise ValueError("%s: expected 4 fields: %r" % (name, line))
        tag, title, elements, rules = parts
        entry = {"name": title, "elements": parse_element_list(elements), "rules": parse_rules(rules),
                 "unverified_rules": "#unverified-rules" in rules}
        for version in versions:
            table[version][tag] = entry
    return table


def load_elements():
    """elements.txt -> {version: {id: (name, type, min, max)}}"""
    table = {v: {} for v in VERSIONS}
    for line in _fact_lines("elements.txt"):
        versions, body = _version_prefix(line)
        ident, title, dtype, minimum, maximum = [p.strip() for p in body.split("|")]
        for version in versions:
            table[version][ident] = (title, dtype, int(minimum), int(maximum))
    return table


def load_pyx12_elements():
    root = ET.parse(os.path.join(PYX12_MAP, "dataele.xml")).getroot()
    return {e.get("ele_num"): (e.get("name"), e.get("data_type"), int(e.get("min_len")), int(e.get("max_len")))
            for e in root}


def load_oop_segments(spec="Ansi-5010Specification.xml"):
    """OopFactory segment dictionary -> {tag: [(name, required, type, min, max)]}"""
    root = ET.parse(os.path.join(OOP_SPECS, spec)).getroot()
    out = {}
    for seg in root.findall(OOP_NS + "Segment"):
        out[seg.get("SegmentId")] = [
            (e.get("Name"), e.get("Required") == "true", e.get("Type"), int(e.get("MinLength") or 0),
             int(e.get("MaxLength") or 0), e.get("QualifierSetRef"))
            for e in seg.findall(OOP_NS + "Element")]
    return out


def load_oop_qualifier_sets(spec="Ansi-5010Specification.xml"):
    root = ET.parse(os.path.join(OOP_SPECS, spec)).getroot()
    return {q.get("Name"): [(a.get("ID"), (a.text or "").strip()) for a in q.findall(OOP_NS + "Allowed")]
            for q in root.findall(OOP_NS + "QualifierSet")}


def load_codes():
    """codes.txt -> {version: {element id: {closed, source, codes[(value, name)], ref}}}

    Block form:
        LIST 353 4010,5010 closed=false source=...
        00 Original
        ...
        END
    or a one-line reference to an OopFactory qualifier set:
        OOPSET 98 4010,5010 "Entity Identifier Code"
    """
    table = {v: {} for v in VERSIONS}
    current = None
    for line in _fact_lines("codes.txt"):
        if current is not None:
            if line.strip() == "END":
                for version in current["versions"]:
                    table[version][current["id"]] = current
                current = None
            else:
                value, _, title = line.strip().partition(" ")
                current["codes"].append((value, title.strip()))
            continue
        match = re.match(r'^LIST\s+(\S+)\s+(\S+)\s+closed=(true|false)\s+source=(.*)$', line)
        if match:
            current = {"id": match.group(1), "versions": match.group(2).split(","),
                       "closed": match.group(3) == "true", "source": match.group(4).strip(), "codes": []}
            continue
        match = re.match(r'^OOPSET\s+(\S+)\s+(\S+)\s+"([^"]+)"$', line)
        if match:
            entry = {"id": match.group(1), "versions": match.group(2).split(","), "closed": False,
                     "oopset": match.group(3), "codes": [],
                     "source": "OopFactory Ansi-5010Specification.xml qualifier set '%s' (a later-release list "
                               "that may hold codes this version lacks; kept open)" % match.group(3)}
            for version in entry["versions"]:
                table[version][entry["id"]] = entry
            continue
        match = re.match(r'^ADD\s+(\S+)\s+(\S+)\s+(\S+)\s+(.*?)\s*\|\s*(.*)$', line)
        if match:
            for version in match.group(2).split(","):
                entry = table[version][match.group(1)]
                entry.setdefault("extra", []).append((match.group(3), match.group(4)))
                entry["source"] += "; plus %s (%s)" % (match.group(3), match.group(5))
            continue
        raise ValueError("codes.txt: cannot read %r" % line)
    return table


def load_set_table(set_id):
    """sets/<id>.txt -> {version: [node]} where node is ('seg', pos, tag, usage, max) or
    ('loop', id, usage, max, [children], qualifier) — the trigger segment is the loop's first child."""
    path = os.path.join(FACTS, "sets", set_id + ".txt")
    result = {}
    header = {}
    with open(path, encoding="utf-8") as handle:
        lines = [l.rstrip("\n") for l in handle]
    for version in VERSIONS:
        root = []
        stack = [(-1, root)]
        skip_below = None  # indent of a LOOP line left out for this version: its body goes too
        for raw in lines:
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            text = raw.strip()
            if skip_below is not None:
                if indent > skip_below:
                    continue
                skip_below = None
            only = re.match(r"^@(4010|5010)\s+(.*)$", text)
            if only:
                if only.group(1) != version:
                    if only.group(2).startswith("LOOP "):
                        skip_below = indent
                    continue
                text = only.group(2)
            if text.startswith("!"):
                key, _, value = text[1:].partition(" ")
                header.setdefault(version, {}).setdefault(key, []).append(value.strip())
                continue
            while stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1]
            fields = text.split()
            if fields[0] == "LOOP":
                qualifier = None
                if len(fields) > 3:
                    qualifier = fields[3]
                children = []
                node = ["loop", fields[1], None, fields[2], children, qualifier]
                parent.append(node)
                stack.append((indent, children))
            else:
                pos, tag, usage, maximum = fields[:4]
                if version == "5010" and len(pos) == 3:
                    pos = pos + "0"
                parent.append(["seg", pos, tag, usage, maximum])
        result[version] = root
    return result, header
