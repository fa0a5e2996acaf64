#!/usr/bin/env python3
"""Checks the files under Samples/ against the X12 and UN/EDIFACT standards.

What it checks, per interchange:
  X12      ISA fixed width (106 bytes with its terminator, every field its fixed length),
           delimiters from the ISA, IEA01 = number of groups, ISA13 = IEA02, GE01 = number of
           transaction sets, GS06 = GE02, SE01 = segment count, ST02 = SE02, ST01 matches
           GS01, GS08 version; segment order, loops, mandatory segments and max use
           (x12_structures.py); element presence, count, type (AN ID N Nn R DT TM) and
           length (OopFactory specifications in ../shared/reference/oopfactory);
           business totals (CTT, TDS, BPR/RMR, AK9), HL numbering and parentage, and GS1
           check digits of UPC/GTIN/SSCC.
  EDIFACT  UNA service string, release character, UNB ids and date, UNZ01 = number of
           messages, UNB0020 = UNZ0020, UNT01 = segment count, UNH0062 = UNT0062; segment
           order, segment groups, mandatory segments and max use against the UNECE
           segment table of the message (../shared/reference/unece, read by unece.py);
           element and component presence, count, representation (a/n/an, lengths)
           against the UNECE segment directory; coded values against the UNCL code lists;
           CNT, MOA totals, GS1 check digits of GLN/GTIN/SSCC.
  Partners every interchange is between ACME Supply and a known partner.

Files under Samples/broken/ must show exactly the defect their name says (EXPECTED below).
Code values of X12 ID elements are compared with the OopFactory qualifier sets, which are
partial: a code missing there is reported as a note, not an error.

Usage: tools/samples/check_samples.py [FILE...]     (default: every .edi under Samples/)
Exit status 0 when every file is as expected, 1 otherwise.
"""
import datetime
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import unece  # noqa: E402
import x12_structures  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
OOP = os.path.abspath(os.path.join(REPO, "..", "shared", "reference", "oopfactory",
                                   "Inteligenz-X12Parser", "src", "OopFactory.X12", "Specifications"))

# ---- partners (see Samples/README.md) ----
ACME_X12 = ("ZZ", "ACMESUPPLY")
X12_PARTNERS = {("01", "804512378"): "Globex Retail"}
ACME_GLN = "0876543000001"
EDIFACT_PARTNERS = {"4049876000000": "Initech GmbH"}

EXPECTED = {
    "850-unknown-partner-id.edi": ({"unknown-partner"}, True),
    "850-wrong-se-segment-count.edi": ({"se-count"}, True),
    "850-missing-mandatory-beg.edi": ({"missing-mandatory-segment"}, True),
    "ORDERS-D96A-truncated-mid-segment.edi": ({"truncated"}, False),
}


COLLECTED = []   # every transaction read, for the guide checks


class Report:
    def __init__(self, path):
        self.path = path
        self.errors = []   # (code, message)
        self.notes = []

    def error(self, code, msg):
        self.errors.append((code, msg))

    def note(self, msg):
        self.notes.append(msg)


def gs1_ok(digits):
    if not digits.isdigit() or len(digits) < 2:
        return False
    body, check = digits[:-1], digits[-1]
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return str((10 - total % 10) % 10) == check


def valid_date(s):
    fmt = "%Y%m%d" if len(s) == 8 else "%y%m%d"
    try:
        datetime.datetime.strptime(s, fmt)
        return True
    except ValueError:
        return False


def valid_time(s):
    if not s.isdigit() or len(s) < 4:
        return False
    hh, mm = int(s[:2]), int(s[2:4])
    ss = int(s[4:6]) if len(s) >= 6 else 0
    return hh < 24 and mm < 60 and ss < 60


def match_structure(nodes, segs, i, path, rep, where, trace=None, parents=()):
    """Greedy in-order match of segments against a table; returns the next index.

    trace, when given, receives one (parents, tag) per segment consumed, where parents is a
    tuple of (loop id, repetition number) from the outermost loop inwards."""
    for node in nodes:
        if node[0] == "segment":
            _, tag, usage, max_use = node
            n = 0
            while i < len(segs) and segs[i][0] == tag:
                if trace is not None:
                    trace.append((parents, tag))
                n += 1
                i += 1
            if max_use is not None and n > max_use:
                rep.error("too-many-repeats", f"{where}: {'/'.join(path + [tag])} occurs {n} times, max {max_use}")
            if n == 0 and usage == "M":
                rep.error("missing-mandatory-segment", f"{where}: mandatory segment {'/'.join(path + [tag])} missing")
        else:
            _, loop_id, usage, max_use, children = node
            trigger = children[0][1]
            n = 0
            while i < len(segs) and segs[i][0] == trigger:
                n += 1
                inner = parents + ((loop_id, n),)
                if trace is not None:
                    trace.append((inner, trigger))
                # the trigger segment opens one repetition of the loop
                i = match_structure(children[1:], segs, i + 1, path + [loop_id], rep, where, trace, inner)
            if max_use is not None and n > max_use:
                rep.error("too-many-repeats", f"{where}: loop {'/'.join(path + [loop_id])} occurs {n} times, max {max_use}")
            if n == 0 and usage == "M":
                rep.error("missing-mandatory-segment", f"{where}: mandatory loop {'/'.join(path + [loop_id])} missing")
    return i


def check_order(structure, segs, rep, where):
    trace = []
    i = match_structure(structure, segs, 0, [], rep, where, trace)
    if i < len(segs):
        rep.error("segment-order", f"{where}: segment {segs[i][0]} (#{i + 1}) is out of order or not allowed here")
    return trace


# =============================================================== X12

ISA_WIDTHS = [3, 2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1]


def load_oop_segments():
    defs, codes = {}, {}
    for version, fn in (("5010", "Ansi-5010Specification.xml"), ("4010", "Ansi-4010Specification.xml")):
        root = ET.parse(os.path.join(OOP, fn)).getroot()
        ns = {"s": root.tag.split("}")[0].strip("{")}
        for qs in root.findall("s:QualifierSet", ns):
            codes.setdefault(version, {})[qs.get("Name")] = {a.get("ID") for a in qs.findall("s:Allowed", ns)}
        for seg in root.findall("s:Segment", ns):
            elems = []
            for e in seg.findall("s:Element", ns):
                elems.append({
                    "ref": int(e.get("Reference") or (len(elems) + 1)), "required": e.get("Required") == "true",
                    "type": e.get("Type"), "min": int(e.get("MinLength") or 0), "max": int(e.get("MaxLength") or 0),
                    "implied": int(e.get("ImpliedDecimalPlaces") or 0), "qualifiers": e.get("QualifierSetRef"),
                    "name": e.get("Name"),
                })
            defs.setdefault(version, {})[seg.get("SegmentId")] = elems
    return defs, codes


OOP_DEFS, OOP_CODES = load_oop_segments()


def x12_segment_def(tag):
    if tag in OOP_DEFS.get("4010", {}):
        return OOP_DEFS["4010"][tag], "4010"
    return OOP_DEFS["5010"].get(tag), "5010"


def check_x12_value(tag, pos, value, d, rep, where, component_sep):
    label = f"{where}: {tag}{pos:02d}"
    t = d["type"]
    if t in ("N", "N0", "N1", "N2") or (t == "N"):
        body = value[1:] if value.startswith("-") else value
        if not body.isdigit():
            rep.error("element-type", f"{label} '{value}' is not numeric ({t})")
            return
        length = len(body)
    elif t == "R":
        body = value[1:] if value.startswith("-") else value
        if not re.fullmatch(r"\d*\.?\d*", body) or body in ("", "."):
            rep.error("element-type", f"{label} '{value}' is not a decimal number (R)")
            return
        length = len(body.replace(".", ""))
    elif t == "DT":
        length = len(value)
        if not value.isdigit() or not valid_date(value):
            rep.error("element-type", f"{label} '{value}' is not a valid date")
    elif t == "TM":
        length = len(value)
        if not valid_time(value):
            rep.error("element-type", f"{label} '{value}' is not a valid time")
    else:
        length = len(value)
        if any(ord(c) < 32 or ord(c) > 126 for c in value):
            rep.error("element-type", f"{label} has non-printable characters")
    if d["max"] and (length < d["min"] or length > d["max"]):
        rep.error("element-length", f"{label} '{value}' length {length} outside {d['min']}/{d['max']}")
    if t == "ID" and d["qualifiers"]:
        for version in ("4010", "5010"):
            known = OOP_CODES.get(version, {}).get(d["qualifiers"])
            if known and value in known:
                return
        rep.note(f"{label} code '{value}' not in the OopFactory list '{d['qualifiers']}' (partial list; checked by hand)")


def check_x12_elements(seg, rep, where, component_sep):
    tag = seg[0]
    d, _ = x12_segment_def(tag)
    if d is None:
        rep.error("unknown-segment", f"{where}: no definition for segment {tag}")
        return
    values = seg[1:]
    if len(values) > len(d):
        rep.error("too-many-elements", f"{where}: {tag} has {len(values)} elements, defined {len(d)}")
    if values and values[-1] == "":
        rep.error("trailing-separator", f"{where}: {tag} ends with an empty element")
    for e in d:
        v = values[e["ref"] - 1] if e["ref"] - 1 < len(values) else ""
        if v == "":
            if e["required"]:
                rep.error("missing-element", f"{where}: {tag}{e['ref']:02d} ({e['name']}) is required")
            continue
        check_x12_value(tag, e["ref"], v, e, rep, where, component_sep)


def parse_x12(data, rep):
    if not data.startswith(b"ISA"):
        rep.error("envelope", "file does not start with ISA")
        return []
    if len(data) < 106:
        rep.error("truncated", "file shorter than an ISA segment")
        return []
    elem = chr(data[3])
    header = data[:106].decode("ascii", "replace")
    fields = header[:105].split(elem)
    if len(fields) != 17 or [len(f) for f in fields] != ISA_WIDTHS:
        rep.error("isa-width", f"ISA fields are not their fixed widths: {[len(f) for f in fields]}")
    term = header[105]
    component = header[104]
    text = data.decode("ascii")
    pieces = text.split(term)
    if pieces[-1].strip() != "":
        rep.error("truncated", f"data after the last segment terminator: {pieces[-1].strip()[:30]!r} (file truncated?)")
    segs = []
    for p in pieces[:-1]:
        p = p.lstrip("\r\n")
        segs.append(p.split(elem))
    return segs, component


def check_x12_file(data, rep):
    parsed = parse_x12(data, rep)
    if not parsed:
        return
    segs, component = parsed
    i = 0
    while i < len(segs):
        seg = segs[i]
        if seg[0] != "ISA":
            rep.error("envelope", f"expected ISA, found {seg[0]} (#{i + 1})")
            return
        isa = seg
        sender, receiver = (isa[5], isa[6].strip()), (isa[7], isa[8].strip())
        partners = [p for p in (sender, receiver) if p != ACME_X12]
        if ACME_X12 not in (sender, receiver) or any(p not in X12_PARTNERS for p in partners):
            rep.error("unknown-partner", f"ISA {sender[0]}/{sender[1]} -> {receiver[0]}/{receiver[1]} is not between ACME and a known partner")
        if not valid_date(isa[9]) or not valid_time(isa[10]):
            rep.error("element-type", "ISA09/ISA10 is not a valid date/time")
        if isa[12] not in ("00401", "00501"):
            rep.error("envelope", f"ISA12 {isa[12]} unexpected")
        if isa[12] >= "00402" and isa[11] in ("U", ""):
            rep.error("envelope", "ISA11 must be a repetition separator from 00402 on")
        if isa[12] < "00402" and isa[11] != "U":
            rep.error("envelope", "ISA11 must be U before 00402")
        if not isa[13].isdigit() or isa[14] not in "01" or isa[15] not in "PT":
            rep.error("envelope", "ISA13/14/15 invalid")
        i += 1
        groups = 0
        while i < len(segs) and segs[i][0] == "GS":
            gs = segs[i]
            groups += 1
            check_x12_elements(gs, rep, f"GS #{i + 1}", component)
            i += 1
            count = 0
            st_controls = set()
            while i < len(segs) and segs[i][0] == "ST":
                start = i
                i += 1
                while i < len(segs) and segs[i][0] not in ("SE", "GE", "IEA", "ST"):
                    i += 1
                if i >= len(segs) or segs[i][0] != "SE":
                    rep.error("envelope", f"ST #{start + 1} has no SE")
                    body = segs[start:i]
                else:
                    body = segs[start:i + 1]
                    i += 1
                count += 1
                check_x12_transaction(body, gs, isa, rep, start, component)
                if body[0][2] in st_controls:
                    rep.error("control-number", f"ST02 {body[0][2]} used twice in the group")
                st_controls.add(body[0][2])
            if i >= len(segs) or segs[i][0] != "GE":
                rep.error("envelope", "GS has no GE")
                return
            ge = segs[i]
            if ge[1] != str(count):
                rep.error("ge-count", f"GE01 {ge[1]} but the group has {count} transaction sets")
            if ge[2] != gs[6]:
                rep.error("control-number", f"GE02 {ge[2]} does not match GS06 {gs[6]}")
            i += 1
        if i >= len(segs) or segs[i][0] != "IEA":
            rep.error("envelope", "ISA has no IEA")
            return
        iea = segs[i]
        if iea[1] != str(groups):
            rep.error("iea-count", f"IEA01 {iea[1]} but the interchange has {groups} groups")
        if iea[2] != isa[13]:
            rep.error("control-number", f"IEA02 {iea[2]} does not match ISA13 {isa[13]}")
        i += 1


def check_x12_transaction(body, gs, isa, rep, start, component):
    st = body[0]
    where = f"{st[1]} {st[2]}"
    version = gs[8][:6]
    if x12_structures.FUNCTIONAL_GROUP.get(st[1]) != gs[1]:
        rep.error("envelope", f"{where}: ST01 {st[1]} in a GS01 {gs[1]} group")
    if (isa[12] == "00401") != version.startswith("0040"):
        rep.error("envelope", f"{where}: ISA12 {isa[12]} with GS08 {gs[8]}")
    se = body[-1]
    if se[0] == "SE":
        if se[1] != str(len(body)):
            rep.error("se-count", f"{where}: SE01 {se[1]} but the transaction set has {len(body)} segments")
        if se[2] != st[2]:
            rep.error("control-number", f"{where}: SE02 {se[2]} does not match ST02 {st[2]}")
    if len(st) > 3 and st[3]:
        rep.error("envelope", f"{where}: ST03 is not used in {version}")
    structure = x12_structures.STRUCTURES.get((st[1], version))
    if structure is None:
        rep.error("no-structure", f"{where}: no table for {st[1]} {version}")
        return
    trace = check_order(structure, body, rep, where)
    COLLECTED.append({"file": rep.path, "syntax": "x12", "id": st[1], "version": version, "body": body,
                      "trace": trace, "partner": (isa[5], isa[6].strip())})
    for n, seg in enumerate(body):
        check_x12_elements(seg, rep, f"{where} #{n + 1}", component)
    check_x12_business(st[1], body, rep, where)


def x12_decimal_cents(v):
    whole, _, frac = v.partition(".")
    return int(whole or "0") * 100 + int((frac + "00")[:2])


def check_x12_business(kind, body, rep, where):
    def all_of(tag):
        return [s for s in body if s[0] == tag]

    def el(seg, n):
        return seg[n] if len(seg) > n else ""

    for seg in body:
        for k in range(1, len(seg) - 1):
            if seg[k] in ("UP", "UK", "EN") and seg[0] in ("PO1", "IT1", "LIN", "PO4"):
                code = seg[k + 1]
                want = {"UP": 12, "UK": 14, "EN": 13}[seg[k]]
                if len(code) != want or not gs1_ok(code):
                    rep.error("check-digit", f"{where}: {seg[0]} {seg[k]} '{code}' is not a valid {want}-digit GS1 number")
    if kind in ("850", "855"):
        po1 = all_of("PO1")
        ctt = all_of("CTT")
        if ctt:
            if el(ctt[0], 1) != str(len(po1)):
                rep.error("totals", f"{where}: CTT01 {el(ctt[0], 1)} but {len(po1)} PO1 segments")
            if el(ctt[0], 2) and x12_decimal_cents(el(ctt[0], 2)) != sum(x12_decimal_cents(el(p, 2)) for p in po1):
                rep.error("totals", f"{where}: CTT02 hash total differs from the sum of PO102")
    if kind == "810":
        it1 = all_of("IT1")
        total = sum(x12_decimal_cents(el(s, 2)) * x12_decimal_cents(el(s, 4)) // 100 for s in it1)
        tds = all_of("TDS")
        if tds and int(el(tds[0], 1)) != total:
            rep.error("totals", f"{where}: TDS01 {el(tds[0], 1)} but the lines add up to {total}")
        ctt = all_of("CTT")
        if ctt and el(ctt[0], 1) != str(len(it1)):
            rep.error("totals", f"{where}: CTT01 {el(ctt[0], 1)} but {len(it1)} IT1 segments")
    if kind == "856":
        hls = all_of("HL")
        levels = {}
        allowed_parent = {"S": None, "O": "S", "P": "O", "I": ("P", "O")}
        for n, hl in enumerate(hls, 1):
            if el(hl, 1) != str(n):
                rep.error("hl", f"{where}: HL01 {el(hl, 1)} should be {n}")
            parent = el(hl, 2)
            code = el(hl, 3)
            want = allowed_parent.get(code, "?")
            if want is None and parent:
                rep.error("hl", f"{where}: HL {n} level {code} must have no parent")
            elif want not in (None, "?"):
                if parent not in levels:
                    rep.error("hl", f"{where}: HL {n} parent {parent} is not an earlier HL")
                elif levels[parent] not in (want if isinstance(want, tuple) else (want,)):
                    rep.error("hl", f"{where}: HL {n} level {code} under {levels[parent]}")
            levels[el(hl, 1)] = code
        ctt = all_of("CTT")
        if ctt and el(ctt[0], 1) != str(len(hls)):
            rep.error("totals", f"{where}: CTT01 {el(ctt[0], 1)} but {len(hls)} HL segments")
        for man in all_of("MAN"):
            if el(man, 1) == "GM":
                v = el(man, 2)
                if len(v) != 20 or not v.startswith("00") or not gs1_ok(v[2:]):
                    rep.error("check-digit", f"{where}: MAN GM '{v}' is not AI 00 + a valid SSCC-18")
    if kind == "820":
        bpr = all_of("BPR")[0]
        paid = sum(x12_decimal_cents(el(r, 4)) for r in all_of("RMR"))
        if x12_decimal_cents(el(bpr, 2)) != paid:
            rep.error("totals", f"{where}: BPR02 {el(bpr, 2)} but the RMR04 amounts add up to {paid / 100:.2f}")
    if kind == "997":
        ak9 = all_of("AK9")[0]
        ak2 = all_of("AK2")
        accepted = sum(1 for s in all_of("AK5") if el(s, 1) in ("A", "E"))
        if el(ak9, 3) != str(len(ak2)) or int(el(ak9, 4)) != accepted:
            rep.error("totals", f"{where}: AK9 counts do not match the AK2/AK5 segments")


# =============================================================== EDIFACT

# Service segments (ISO 9735 syntax 3), written from the syntax's segment definitions.
SERVICE = {
    "UNB": [("S001", "M", [("0001", "M", ("a", 4, 4)), ("0002", "M", ("n", 1, 1))]),
            ("S002", "M", [("0004", "M", ("an", 1, 35)), ("0007", "C", ("an", 1, 4)), ("0008", "C", ("an", 1, 14))]),
            ("S003", "M", [("0010", "M", ("an", 1, 35)), ("0007", "C", ("an", 1, 4)), ("0014", "C", ("an", 1, 14))]),
            ("S004", "M", [("0017", "M", ("n", 6, 6)), ("0019", "M", ("n", 4, 4))]),
            ("0020", "M", ("an", 1, 14)),
            ("S005", "C", [("0022", "M", ("an", 1, 14)), ("0025", "C", ("an", 2, 2))]),
            ("0026", "C", ("an", 1, 14)), ("0029", "C", ("a", 1, 1)), ("0031", "C", ("n", 1, 1)),
            ("0032", "C", ("an", 1, 35)), ("0035", "C", ("n", 1, 1))],
    "UNZ": [("0036", "M", ("n", 1, 6)), ("0020", "M", ("an", 1, 14))],
    "UNH": [("0062", "M", ("an", 1, 14)),
            ("S009", "M", [("0065", "M", ("an", 1, 6)), ("0052", "M", ("an", 1, 3)), ("0054", "M", ("an", 1, 3)),
                           ("0051", "M", ("an", 1, 2)), ("0057", "C", ("an", 1, 6))]),
            ("0068", "C", ("an", 1, 35)),
            ("S010", "C", [("0070", "M", ("n", 1, 2)), ("0073", "C", ("a", 1, 1))])],
    "UNT": [("0074", "M", ("n", 1, 6)), ("0062", "M", ("an", 1, 14))],
    "UNS": [("0081", "M", ("a", 1, 1))],
    "UCI": [("0020", "M", ("an", 1, 14)),
            ("S002", "M", [("0004", "M", ("an", 1, 35)), ("0007", "C", ("an", 1, 4)), ("0008", "C", ("an", 1, 14))]),
            ("S003", "M", [("0010", "M", ("an", 1, 35)), ("0007", "C", ("an", 1, 4)), ("0014", "C", ("an", 1, 14))]),
            ("0083", "M", ("an", 1, 3)), ("0085", "C", ("an", 1, 3)), ("0013", "C", ("a", 3, 3)),
            ("S011", "C", [("0098", "M", ("n", 1, 3)), ("0104", "C", ("n", 1, 3))])],
    "UCM": [("0062", "M", ("an", 1, 14)),
            ("S009", "M", [("0065", "M", ("an", 1, 6)), ("0052", "M", ("an", 1, 3)), ("0054", "M", ("an", 1, 3)),
                           ("0051", "M", ("an", 1, 2)), ("0057", "C", ("an", 1, 6))]),
            ("0083", "M", ("an", 1, 3)), ("0085", "C", ("an", 1, 3)), ("0013", "C", ("a", 3, 3)),
            ("S011", "C", [("0098", "M", ("n", 1, 3)), ("0104", "C", ("n", 1, 3))])],
    "UCS": [("0096", "M", ("n", 1, 6)), ("0085", "C", ("an", 1, 3))],
    "UCD": [("0085", "M", ("an", 1, 3)), ("S011", "M", [("0098", "M", ("n", 1, 3)), ("0104", "C", ("n", 1, 3))])],
}
SERVICE_CODES = {"0001": {"UNOA", "UNOB", "UNOC", "UNOD", "UNOE", "UNOF"}, "0081": {"D", "S"},
                 "0083": {"4", "7", "8"}, "0051": {"UN"}, "0031": {"1"}}

# CONTRL, syntax version 3 (message CONTRL D 3 UN): UNH UCI SG1(UCM SG2(UCS UCD)) UNT
CONTRL_3 = [("segment", "UNH", "M", 1), ("segment", "UCI", "M", 1),
            ("loop", "SG1", "O", 999999, [("segment", "UCM", "M", 1),
                                          ("loop", "SG2", "O", 999, [("segment", "UCS", "M", 1), ("segment", "UCD", "O", 99)])]),
            ("segment", "UNT", "M", 1)]

_DIRS = {}


def directory(d):
    if d not in _DIRS:
        _DIRS[d] = (unece.segment_directory(d), unece.code_lists(d))
    return _DIRS[d]


def to_tuple(node):
    if node.kind == "segment":
        return ("segment", node.tag, "M" if node.usage == "M" else "O", node.max)
    return ("loop", node.group, "M" if node.usage == "M" else "O", node.max, [to_tuple(c) for c in node.children])


def parse_edifact(data, rep):
    comp, elem, dec, rel, rep_sep, term = ":", "+", ".", "?", " ", "'"
    text = data.decode("latin-1")
    pos = 0
    if text.startswith("UNA"):
        comp, elem, dec, rel, rep_sep, term = text[3:9]
        pos = 9
        while pos < len(text) and text[pos] in "\r\n":
            pos += 1
    segs = []
    cur_seg, cur_el, cur = [], [], []
    i = pos
    while i < len(text):
        c = text[i]
        if c == rel and i + 1 < len(text):
            cur.append(text[i + 1])
            i += 2
            continue
        if c == term:
            cur_el.append("".join(cur))
            cur_seg.append(cur_el)
            segs.append(cur_seg)
            cur_seg, cur_el, cur = [], [], []
            i += 1
            while i < len(text) and text[i] in "\r\n":
                i += 1
            continue
        if c == elem:
            cur_el.append("".join(cur))
            cur_seg.append(cur_el)
            cur_el, cur = [], []
        elif c == comp:
            cur_el.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    if cur or cur_el or cur_seg:
        rep.error("truncated", f"data after the last segment terminator: {''.join(cur)[:30]!r} (file truncated?)")
    # segment = [tag, [components of element 1], ...]
    return [[s[0][0]] + s[1:] for s in segs if s and s[0]]


def check_fmt(value, fmt, label, rep):
    typ, lo, hi = fmt
    if typ == "n":
        body = value.lstrip("-")
        if not re.fullmatch(r"\d*[.,]?\d*", body) or body in ("", ".", ","):
            rep.error("element-type", f"{label} '{value}' is not numeric")
            return
        length = len(body.replace(".", "").replace(",", ""))
    else:
        length = len(value)
        if typ == "a" and any(ch.isdigit() for ch in value):
            rep.error("element-type", f"{label} '{value}' must be alphabetic")
    if length < lo or length > hi:
        rep.error("element-length", f"{label} '{value}' length {length} outside {lo}..{hi}")


def check_edifact_segment(seg, d, codes, rep, where):
    tag = seg[0]
    if tag in SERVICE:
        defs = [{"id": i, "usage": u, "components": [{"id": ci, "usage": cu, "fmt": cf} for ci, cu, cf in f]}
                if isinstance(f, list) else {"id": i, "usage": u, "fmt": f} for i, u, f in SERVICE[tag]]
        clist = SERVICE_CODES
    else:
        defs = d.get(tag)
        clist = codes
        if defs is None:
            rep.error("unknown-segment", f"{where}: {tag} is not in the segment directory")
            return
    values = seg[1:]
    if len(values) > len(defs):
        rep.error("too-many-elements", f"{where}: {tag} has {len(values)} data elements, defined {len(defs)}")
    if values and values[-1] == [""]:
        rep.error("trailing-separator", f"{where}: {tag} ends with an empty data element")
    for n, e in enumerate(defs):
        v = values[n] if n < len(values) else [""]
        label = f"{where}: {tag} {e['id']}"
        if all(x == "" for x in v):
            if e["usage"] == "M":
                rep.error("missing-element", f"{label} (position {n + 1}) is mandatory")
            continue
        if "components" in e:
            comps = e["components"]
            if len(v) > len(comps):
                rep.error("too-many-components", f"{label} has {len(v)} components, defined {len(comps)}")
            if v[-1] == "":
                rep.error("trailing-separator", f"{label} ends with an empty component")
            for k, c in enumerate(comps):
                cv = v[k] if k < len(v) else ""
                if cv == "":
                    if c["usage"] == "M":
                        rep.error("missing-element", f"{label}.{k + 1} ({c['id']}) is mandatory")
                    continue
                check_fmt(cv, c["fmt"], f"{label}.{k + 1} ({c['id']})", rep)
                if c["id"] in clist and cv not in clist[c["id"]]:
                    rep.error("code-value", f"{label}.{k + 1} code '{cv}' is not in the {c['id']} code list")
        else:
            if len(v) > 1:
                rep.error("too-many-components", f"{label} is a simple data element but has components")
            check_fmt(v[0], e["fmt"], label, rep)
            if e["id"] in clist and v[0] not in clist[e["id"]]:
                rep.error("code-value", f"{label} code '{v[0]}' is not in the {e['id']} code list")


def comp(seg, n, k=0):
    if len(seg) <= n:
        return ""
    return seg[n][k] if len(seg[n]) > k else ""


def dec(v):
    return round(float(v.replace(",", ".")) * 100)


def check_edifact_file(data, rep):
    segs = parse_edifact(data, rep)
    i = 0
    while i < len(segs):
        unb = segs[i]
        if unb[0] != "UNB":
            rep.error("envelope", f"expected UNB, found {unb[0]}")
            return
        check_edifact_segment(unb, {}, {}, rep, "UNB")
        sender, receiver = comp(unb, 2), comp(unb, 3)
        for gln, q in ((sender, comp(unb, 2, 1)), (receiver, comp(unb, 3, 1))):
            if q != "14" or not (len(gln) == 13 and gs1_ok(gln)):
                rep.error("check-digit", f"UNB party {gln}:{q} is not a valid GLN with qualifier 14")
        others = [p for p in (sender, receiver) if p != ACME_GLN]
        if ACME_GLN not in (sender, receiver) or any(p not in EDIFACT_PARTNERS for p in others):
            rep.error("unknown-partner", f"UNB {sender} -> {receiver} is not between ACME and a known partner")
        if not valid_date(comp(unb, 4)) or not valid_time(comp(unb, 4, 1)):
            rep.error("element-type", "UNB date/time invalid")
        i += 1
        messages = 0
        while i < len(segs) and segs[i][0] == "UNH":
            start = i
            while i < len(segs) and segs[i][0] not in ("UNT", "UNZ"):
                i += 1
            if i < len(segs) and segs[i][0] == "UNT":
                i += 1
                body = segs[start:i]
            else:
                body = segs[start:i]
                rep.error("envelope", f"message {comp(segs[start], 1)} has no UNT")
            messages += 1
            check_edifact_message(body, rep)
        if i >= len(segs) or segs[i][0] != "UNZ":
            rep.error("envelope", "interchange has no UNZ")
            return
        unz = segs[i]
        check_edifact_segment(unz, {}, {}, rep, "UNZ")
        if comp(unz, 1) != str(messages):
            rep.error("unz-count", f"UNZ01 {comp(unz, 1)} but {messages} messages")
        if comp(unz, 2) != comp(unb, 5):
            rep.error("control-number", f"UNZ02 {comp(unz, 2)} does not match UNB 0020 {comp(unb, 5)}")
        i += 1


def check_edifact_message(body, rep):
    unh = body[0]
    mtype, ver, rel, agency = (comp(unh, 2, k) for k in range(4))
    where = f"{mtype} {comp(unh, 1)}"
    unt = body[-1]
    if unt[0] == "UNT":
        if comp(unt, 1) != str(len(body)):
            rep.error("unt-count", f"{where}: UNT01 {comp(unt, 1)} but {len(body)} segments")
        if comp(unt, 2) != comp(unh, 1):
            rep.error("control-number", f"{where}: UNT 0062 {comp(unt, 2)} does not match UNH {comp(unh, 1)}")
    if mtype == "CONTRL":
        if (ver, rel, agency) != ("D", "3", "UN"):
            rep.error("envelope", f"{where}: CONTRL version {ver}:{rel} (syntax 3 uses D:3)")
        structure, d, codes = CONTRL_3, {}, {}
    else:
        dname = ver + rel
        if ver != "D" or dname not in unece.LAYOUT:
            rep.error("no-structure", f"{where}: no directory {ver}:{rel}")
            return
        structure = [to_tuple(c) for c in unece.message_structure(dname, mtype).children]
        d, codes = directory(dname)
    trace = check_order(structure, body, rep, where)
    COLLECTED.append({"file": rep.path, "syntax": "edifact", "id": mtype, "version": ver + rel, "body": body,
                      "trace": trace, "partner": None})
    for n, seg in enumerate(body):
        check_edifact_segment(seg, d, codes, rep, f"{where} #{n + 1}")
    # business checks
    lins = [s for s in body if s[0] == "LIN"]
    for s in body:
        if s[0] == "CNT" and comp(s, 1) == "2" and comp(s, 1, 1) != str(len(lins)):
            rep.error("totals", f"{where}: CNT 2 says {comp(s, 1, 1)} lines, the message has {len(lins)}")
        if s[0] == "NAD" and comp(s, 2, 2) == "9" and not (len(comp(s, 2)) == 13 and gs1_ok(comp(s, 2))):
            rep.error("check-digit", f"{where}: NAD {comp(s, 1)} GLN '{comp(s, 2)}' invalid")
        if s[0] == "LIN" and comp(s, 3, 1) == "EN" and not (len(comp(s, 3)) == 13 and gs1_ok(comp(s, 3))):
            rep.error("check-digit", f"{where}: LIN GTIN '{comp(s, 3)}' invalid")
        if s[0] == "GIN" and comp(s, 1) == "BJ" and not (len(comp(s, 2)) == 18 and gs1_ok(comp(s, 2))):
            rep.error("check-digit", f"{where}: GIN BJ SSCC '{comp(s, 2)}' invalid")
    if mtype == "INVOIC":
        line_total, qty, price, lines = 0, None, None, []
        for s in body:
            if s[0] == "LIN":
                qty = price = None
            if s[0] == "QTY" and comp(s, 1) == "47":
                qty = comp(s, 1, 1)
            if s[0] == "MOA" and comp(s, 1) == "203":
                lines.append((qty, dec(comp(s, 1, 1))))
            if s[0] == "PRI" and lines:
                price = comp(s, 1, 1)
                q, amount = lines[-1]
                if q is not None and round(float(q) * dec(price)) != amount:
                    rep.error("totals", f"{where}: line amount {amount / 100:.2f} is not {q} x {price}")
        line_total = sum(a for _, a in lines)
        for s in body:
            if s[0] == "MOA" and comp(s, 1) in ("79", "77") and dec(comp(s, 1, 1)) != line_total:
                rep.error("totals", f"{where}: MOA {comp(s, 1)} {comp(s, 1, 1)} but the lines add up to {line_total / 100:.2f}")
    if mtype == "REMADV":
        uns = [k for k, s in enumerate(body) if s[0] == "UNS"][0]
        paid = sum(dec(comp(s, 1, 1)) for s in body[:uns] if s[0] == "MOA" and comp(s, 1) == "12")
        total = [s for s in body[uns:] if s[0] == "MOA" and comp(s, 1) == "12"]
        if total and dec(comp(total[0], 1, 1)) != paid:
            rep.error("totals", f"{where}: summary MOA 12 is not the sum of the documents' MOA 12")



# =============================================================== guides

# which sample files each guide describes (the partner's inbound files of that version)
GUIDE_SAMPLES = {
    "globex-850-004010.xml": ["Samples/inbox/globex-850-004010-two-pos.edi"],
    "initech-ORDERS-D96A.xml": ["Samples/inbox/initech-ORDERS-D96A-two-messages.edi"],
}


def resolve(structure, parts):
    """The node at loop ids parts[:-1] and segment tag or loop id parts[-1], or None."""
    nodes = structure
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        found = None
        for node in nodes:
            if node[0] == "loop" and node[1] == part:
                found = node
                break
            if last and node[0] == "segment" and node[1] == part:
                found = node
                break
        if found is None:
            return None
        if found[0] == "loop" and not last:
            nodes = found[4]
        elif not last:
            return None
    return found


def unece_node(root, parts):
    nodes = root.children
    found = None
    for k, part in enumerate(parts):
        found = None
        for node in nodes:
            if (node.kind == "group" and node.group == part) or (k == len(parts) - 1 and node.kind == "segment" and node.tag == part):
                found = node
                break
        if found is None:
            return None
        nodes = found.children
    return found


def element_value(syntax, seg, position):
    n, _, k = position.partition(".")
    n = int(n)
    if len(seg) <= n:
        return ""
    v = seg[n]
    if syntax == "x12":
        return v if not k else (v.split(">")[int(k) - 1] if len(v.split(">")) >= int(k) else "")
    if k:
        return v[int(k) - 1] if len(v) >= int(k) else ""
    return ":".join(v).rstrip(":")


def element_def(syntax, tag, position, version):
    """(exists, element id or None) of a position in the standard's segment definition."""
    n, _, k = position.partition(".")
    n = int(n)
    if syntax == "x12":
        d, _ = x12_segment_def(tag)
        return (d is not None and n <= len(d) and not k), None
    if tag in SERVICE:
        defs = [{"id": i, "components": [{"id": ci} for ci, _, _ in f]} if isinstance(f, list) else {"id": i}
                for i, _, f in SERVICE[tag]]
    else:
        defs = directory(version)[0].get(tag)
    if defs is None or n > len(defs):
        return False, None
    e = defs[n - 1]
    if not k:
        return True, e["id"]
    comps = e.get("components")
    if not comps or int(k) > len(comps):
        return False, None
    return True, comps[int(k) - 1]["id"]


def check_guide(path, rep):
    import shutil
    import subprocess
    xsd = os.path.join(REPO, "Schemas", "edikit-schema.xsd")
    if shutil.which("xmllint"):
        r = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True)
        if r.returncode != 0:
            rep.error("guide-xsd", r.stderr.strip().splitlines()[-1])
    root = ET.parse(path).getroot()
    syntax, version, txn = root.get("syntax"), root.get("version"), root.get("transaction")
    if syntax == "x12":
        structure = x12_structures.STRUCTURES.get((txn, version))
        ustruct = None
    else:
        ustruct = unece.message_structure(version, txn)
        structure = [to_tuple(c) for c in ustruct.children]
    if structure is None:
        rep.error("guide-path", f"no structure for {txn} {version}")
        return
    rules = []
    for rule in root:
        if rule.tag not in ("segment", "loop"):
            continue
        parts = rule.get("path").split("/")
        node = resolve(structure, parts)
        label = f"{rule.tag} {rule.get('path')}"
        if node is None or (rule.tag == "loop") != (node[0] == "loop"):
            rep.error("guide-path", f"{label}: no such {rule.tag} in {txn} {version}")
            continue
        std_usage, std_max = node[2], node[3]
        if rule.get("usage") == "N" and std_usage == "M":
            rep.error("guide-usage", f"{label}: the standard makes it mandatory, a guide cannot drop it")
        if rule.get("max") and std_max is not None and int(rule.get("max")) > std_max:
            rep.error("guide-max", f"{label}: max {rule.get('max')} above the standard's {std_max}")
        if rule.get("position") and ustruct is not None:
            un = unece_node(ustruct, parts)
            if un is None or un.pos != rule.get("position"):
                rep.error("guide-position", f"{label}: position {rule.get('position')} is not the standard's ({un.pos if un else '?'})")
        overrides = []
        for ov in rule.findall("override"):
            pos = ov.get("position")
            exists, elem_id = element_def(syntax, parts[-1], pos, version)
            if not exists:
                rep.error("guide-element", f"{label}: element position {pos} does not exist in {parts[-1]}")
                continue
            codes = [c.get("value") for c in ov.findall("codes/code")]
            if syntax == "edifact" and codes and ov.get("codeMode", "restrict") == "restrict":
                std = SERVICE_CODES.get(elem_id) if parts[-1] in SERVICE else directory(version)[1].get(elem_id)
                for c in codes:
                    if std is not None and c not in std:
                        rep.error("guide-code", f"{label}: {pos} code {c} is not in the standard's {elem_id} list")
            overrides.append((pos, ov.get("usage"), codes if ov.get("codeMode", "restrict") == "restrict" else None,
                              ov.get("minLength"), ov.get("maxLength")))
        rules.append((rule.tag, parts, rule.get("usage"), rule.get("max"), overrides))
    # apply the guide to the partner's sample files
    wanted = {os.path.join(REPO, f) for f in GUIDE_SAMPLES.get(os.path.basename(path), [])}
    applied = 0
    for t in COLLECTED:
        if t["file"] not in wanted or t["id"] != txn or t["version"] != version:
            continue
        applied += 1
        apply_guide(rules, t, syntax, rep)
    if wanted and not applied:
        rep.error("guide-samples", "no sample transaction to apply the guide to")
    rep.note(f"guide applied to {applied} transaction(s) of {', '.join(sorted(os.path.relpath(w, REPO) for w in wanted))}")


def apply_guide(rules, t, syntax, rep):
    where = f"{os.path.relpath(t['file'], REPO)} {t['id']}"
    entries = [(tuple(p for p in parents), tag, seg) for (parents, tag), seg in zip(t["trace"], t["body"])]

    def instances(loops):
        """Distinct parent instances whose loop ids are `loops` (the empty tuple for the top level)."""
        if not loops:
            return {()}
        return {parents[:len(loops)] for parents, _, _ in entries
                if len(parents) >= len(loops) and [p[0] for p in parents[:len(loops)]] == loops}

    for kind, parts, usage, max_use, overrides in rules:
        if kind == "loop":
            outer = parts[:-1]
            for inst in instances(outer):
                count = len({parents[:len(parts)] for parents, _, _ in entries
                             if len(parents) >= len(parts) and parents[:len(outer)] == inst
                             and [p[0] for p in parents[:len(parts)]] == parts})
                check_count(rep, where, "/".join(parts), count, usage, max_use)
            continue
        loops, tag = parts[:-1], parts[-1]
        for inst in instances(loops):
            occ = [seg for parents, tg, seg in entries if tg == tag and parents[:len(loops)] == inst
                   and [p[0] for p in parents] == loops]
            check_count(rep, where, "/".join(parts), len(occ), usage, max_use)
            for seg in occ:
                for pos, ousage, codes, lo, hi in overrides:
                    v = element_value(syntax, seg, pos)
                    label = f"{where}: {'/'.join(parts)} {pos}"
                    if not v:
                        if ousage == "M":
                            rep.error("guide-element", f"{label} is required by the guide")
                        continue
                    if ousage == "N":
                        rep.error("guide-element", f"{label} is not used in the guide but has '{v}'")
                    if codes and v not in codes:
                        rep.error("guide-code", f"{label} '{v}' not among the guide's codes {codes}")
                    if lo and len(v) < int(lo) or hi and len(v) > int(hi):
                        rep.error("guide-length", f"{label} '{v}' length outside the guide's {lo or 1}..{hi}")


def check_count(rep, where, path, count, usage, max_use):
    if usage == "N" and count:
        rep.error("guide-usage", f"{where}: {path} is not used in the guide but occurs {count} times")
    if usage == "M" and not count:
        rep.error("guide-usage", f"{where}: {path} is mandatory in the guide")
    if max_use and max_use != "unbounded" and count > int(max_use):
        rep.error("guide-max", f"{where}: {path} occurs {count} times, guide max {max_use}")


# =============================================================== main

def check_file(path):
    rep = Report(path)
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"ISA"):
        check_x12_file(data, rep)
    elif data.startswith(b"UNA") or data.startswith(b"UNB"):
        check_edifact_file(data, rep)
    else:
        rep.error("envelope", "neither X12 nor EDIFACT")
    return rep


def main(argv):
    paths = argv[1:] or sorted(glob.glob(os.path.join(REPO, "Samples", "**", "*.edi"), recursive=True))
    failed = 0
    for path in paths:
        rep = check_file(path)
        rel = os.path.relpath(path, REPO)
        name = os.path.basename(path)
        codes = {c for c, _ in rep.errors}
        if name in EXPECTED:
            want, exact = EXPECTED[name]
            ok = want <= codes and (not exact or codes == want)
            status = "OK (broken as expected)" if ok else "UNEXPECTED"
        else:
            ok = not rep.errors
            status = "OK" if ok else "FAIL"
        failed += 0 if ok else 1
        print(f"{status:24} {rel}")
        for code, msg in rep.errors:
            print(f"    [{code}] {msg}")
        for msg in sorted(set(rep.notes)):
            print(f"    note: {msg}")
    if not argv[1:]:
        for path in sorted(glob.glob(os.path.join(REPO, "Samples", "guides", "*.xml"))):
            rep = Report(path)
            check_guide(path, rep)
            ok = not rep.errors
            failed += 0 if ok else 1
            paths.append(path)
            print(f"{'OK' if ok else 'FAIL':24} {os.path.relpath(path, REPO)}")
            for code, msg in rep.errors:
                print(f"    [{code}] {msg}")
            for msg in rep.notes:
                print(f"    note: {msg}")
    print(f"\n{len(paths) - failed} of {len(paths)} files as expected")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
