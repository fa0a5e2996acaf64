#!/usr/bin/env python3
"""Writes a large interchange of one transaction set from the repository's sample of that set.

    make_set.py SET SIZE OUT [--lines N] [--samples DIR]

SET is one of 810 855 856 820 (X12 004010) or ORDRSP DESADV INVOIC REMADV (EDIFACT D96A); the
template is the set's file in Samples/ (TEMPLATES below; each validates cleanly with
`edikit validate`). SIZE takes K, M, G suffixes in powers of 1000 (100M = 100,000,000 bytes).

The output is one interchange (ISA/GS … GE/IEA, or UNA/UNB … UNZ) holding as many copies of the
sample's transaction as fit in SIZE (the last one that would pass SIZE is left out, like
/work/shared/bench/gen_x12.py). Each copy has:
  - its own control number (ST02/SE02 0001, 0002, …; UNH/UNT 0062 1, 2, …) and a correct
    segment count (SE01, UNT 0074); GE01 and UNZ 0036 count the copies, IEA01 the one group;
  - its own business key, so that no two documents get the same name: 810 BIG02, 855 BAK03,
    856 BSN02, 820 TRN02, ORDRSP BGM 1004 and RFF+ON, DESADV, INVOIC and REMADV BGM 1004;
  - with --lines N (default 40), N line groups made by cycling through the sample's own, numbered
    afresh, with the totals that count or add them recomputed:
      810     IT1 loops (IT101 = line number); TDS01 = sum of IT102 × IT104 in cents, CTT01
      855     PO1 loops (PO101); CTT01 lines, CTT02 sum of PO102
      856     pack HL loops (HL*n*order*P with their HL*m*n*I items): HL01 numbered in order,
              HL02 pointing at the order HL or at the pack; MAN02 serial made unique; CTT01 = HLs
      820     RMR loops (RMR02 a fresh invoice number); BPR02 = sum of RMR04
      ORDRSP  LIN groups (LIN 1082); CNT+2 lines
      DESADV  packing CPS groups (CPS 7164 numbered from 2, 7166 = 1, with PAC, PCI, GIN, LIN, QTY):
              the shipment's PAC 7224 = number of packs, GIN serial unique, LIN 1082 numbered
              across packs; CNT+2 lines
      INVOIC  LIN groups; MOA+79 and MOA+77 = sum of the lines' MOA+203; CNT+2 lines
      REMADV  DOC groups (DOC 1004 a fresh invoice number); summary MOA+12 = sum of the DOCs' MOA+12
    --lines 0 keeps the sample's line groups as they are.
Segments are written without newlines. Deterministic: the same arguments give the same bytes.
Prints the file, its size, and the number of transactions and segments.
"""
import argparse
import os
import sys
from decimal import Decimal

TEMPLATES = {
    "810": "edi-outbound-examples/acme-810-004010-to-globex.edi",
    "855": "edi-outbound-examples/acme-855-004010-to-globex.edi",
    "856": "edi-outbound-examples/acme-856-004010-to-globex.edi",
    "820": "inbox/globex-820-004010-remittance.edi",
    "ORDRSP": "edi-outbound-examples/acme-ORDRSP-D96A-to-initech.edi",
    "DESADV": "edi-outbound-examples/acme-DESADV-D96A-to-initech.edi",
    "INVOIC": "edi-outbound-examples/acme-INVOIC-D96A-to-initech.edi",
    "REMADV": "inbox/initech-REMADV-D96A.edi",
}


def parse_size(text):
    text = text.strip().upper()
    factor = {"K": 1000, "M": 1000 ** 2, "G": 1000 ** 3}.get(text[-1:], 1)
    return int(float(text.rstrip("KMG")) * factor)


def amount(value):
    """An X12 R value: no trailing zeros, no exponent (12.50 → 12.5, 2400.00 → 2400)."""
    text = format(value.normalize(), "f")
    return text


# ---------------------------------------------------------------- X12


class X12Interchange:
    """The sample's ISA, GS and transaction body (ST and SE left out), as lists of elements."""

    def __init__(self, data):
        self.element, self.terminator = data[3], data[105]
        segments = [s.strip("\r\n") for s in data.split(self.terminator)]
        segments = [s.split(self.element) for s in segments if s]
        self.isa = segments[0]
        self.gs = next(s for s in segments if s[0] == "GS")
        start = next(i for i, s in enumerate(segments) if s[0] == "ST")
        end = next(i for i, s in enumerate(segments) if s[0] == "SE")
        self.set_id = segments[start][1]
        self.body = segments[start + 1:end]

    def text(self, segment):
        return self.element.join(segment) + self.terminator


def split_lines(body, starts_line, summary_tags, tag_of=lambda s: s[0]):
    """(header, line groups, summary): groups begin where `starts_line(segment)` holds, the summary
    at the first segment after them tagged one of `summary_tags`."""
    first = next(i for i, s in enumerate(body) if starts_line(s))
    last = next((i for i, s in enumerate(body) if i > first and tag_of(s) in summary_tags), len(body))
    groups = []
    for segment in body[first:last]:
        if starts_line(segment):
            groups.append([])
        groups[-1].append(segment)
    return body[:first], groups, body[last:]


def cycled(groups, count):
    """`count` line groups taken from `groups` in turn (copies, so they can be edited)."""
    if count == 0:
        count = len(groups)
    return [[list(s) for s in groups[i % len(groups)]] for i in range(count)]


def set_element(segments, tag, index, value, when=lambda s: True):
    for segment in segments:
        if segment[0] == tag and when(segment):
            while len(segment) <= index:
                segment.append("")
            segment[index] = value


def x12_810(header, lines, summary, number):
    set_element(header, "BIG", 2, "ACM-INV-%07d" % number)
    total = Decimal(0)
    for ordinal, group in enumerate(lines, 1):
        it1 = group[0]
        it1[1] = str(ordinal)
        total += Decimal(it1[2]) * Decimal(it1[4])
    set_element(summary, "TDS", 1, str(int(total * 100)))
    set_element(summary, "CTT", 1, str(len(lines)))


def x12_855(header, lines, summary, number):
    set_element(header, "BAK", 3, "45%08d" % number)
    quantity = Decimal(0)
    for ordinal, group in enumerate(lines, 1):
        group[0][1] = str(ordinal)
        quantity += Decimal(group[0][2])
    set_element(summary, "CTT", 1, str(len(lines)))
    set_element(summary, "CTT", 2, amount(quantity))


def x12_856(header, lines, summary, number):
    set_element(header, "BSN", 2, "SHP-%08d" % number)
    header_levels = [s for s in header if s[0] == "HL"]
    order = next(s[1] for s in header_levels if s[3] == "O")
    next_id = len(header_levels) + 1
    serial = 0
    for group in lines:
        pack = None
        for segment in group:
            if segment[0] == "HL":
                segment[1] = str(next_id)
                if segment[3] == "P":
                    pack = segment[1]
                    segment[2] = order
                else:
                    segment[2] = pack
                next_id += 1
            elif segment[0] == "MAN":
                serial += 1
                segment[2] = segment[2][:-9] + "%09d" % ((number * 1000 + serial) % 10 ** 9)
    set_element(summary, "CTT", 1, str(next_id - 1))


def x12_820(header, lines, summary, number):
    set_element(header, "TRN", 2, "%010d" % number)
    paid = Decimal(0)
    for ordinal, group in enumerate(lines, 1):
        rmr = group[0]
        rmr[2] = "ACM-INV-%07d-%d" % (number, ordinal)
        paid += Decimal(rmr[4])
    set_element(header, "BPR", 2, amount(paid))


X12_SETS = {
    # set: (starts a line group, summary tags, fill in one copy)
    "810": (lambda s: s[0] == "IT1", ("TDS", "TXI", "CAD", "AMT", "SAC", "ISS", "CTT"), x12_810),
    "855": (lambda s: s[0] == "PO1", ("CTT", "AMT"), x12_855),
    "856": (lambda s: s[0] == "HL" and s[3] == "P", ("CTT",), x12_856),
    "820": (lambda s: s[0] == "RMR", (), x12_820),
}


def write_x12(name, data, size, lines, out):
    sample = X12Interchange(data)
    starts_line, summary_tags, fill = X12_SETS[name]
    header, groups, summary = split_lines(sample.body, starts_line, summary_tags)
    isa = list(sample.isa)
    isa[13] = "%09d" % 1
    gs = list(sample.gs)
    gs[6] = "1"
    written = out.write(sample.text(isa) + sample.text(gs))
    transactions, segments = 0, 2
    trailer = 40
    while True:
        number = transactions + 1
        copy_header = [list(s) for s in header]
        copy_lines = cycled(groups, lines)
        copy_summary = [list(s) for s in summary]
        fill(copy_header, copy_lines, copy_summary, number)
        body = copy_header + [s for g in copy_lines for s in g] + copy_summary
        control = "%04d" % number
        chunk = "".join(sample.text(s) for s in [["ST", sample.set_id, control]] + body
                        + [["SE", str(len(body) + 2), control]])
        if transactions > 0 and written + len(chunk) + trailer > size:
            break
        written += out.write(chunk)
        transactions += 1
        segments += len(body) + 2
    written += out.write(sample.text(["GE", str(transactions), "1"]) + sample.text(["IEA", "1", isa[13]]))
    return written, transactions, segments + 2


# ---------------------------------------------------------------- EDIFACT


class EDIFACTInterchange:
    """The sample's UNA, UNB and message body (UNH and UNT left out); segments as lists of
    elements, each element a list of components (the samples escape nothing in what is changed)."""

    def __init__(self, data):
        assert data.startswith("UNA")
        self.una = data[:9]
        self.component, self.element, self.release, self.terminator = data[3], data[4], data[6], data[8]
        segments = []
        current, escaped = [], False
        for char in data[9:]:
            if escaped:
                current.append(char)
                escaped = False
            elif char == self.release:
                current.append(char)
                escaped = True
            elif char == self.terminator:
                segments.append("".join(current).strip("\r\n"))
                current = []
            else:
                current.append(char)
        self.segments = [[e.split(self.component) for e in s.split(self.element)] for s in segments if s]
        self.unb = next(s for s in self.segments if s[0][0] == "UNB")
        start = next(i for i, s in enumerate(self.segments) if s[0][0] == "UNH")
        end = next(i for i, s in enumerate(self.segments) if s[0][0] == "UNT")
        self.message_type = self.segments[start][2]
        self.body = self.segments[start + 1:end]

    def text(self, segment):
        return self.element.join(self.component.join(e) for e in segment) + self.terminator


def tag(segment):
    return segment[0][0]


def edifact_set(segments, tag_name, index, component, value, when=lambda s: True):
    for segment in segments:
        if tag(segment) == tag_name and when(segment):
            while len(segment) <= index:
                segment.append([""])
            while len(segment[index]) <= component:
                segment[index].append("")
            segment[index][component] = value


def qualifier(code):
    return lambda s: s[1][0] == code


def line_count(summary, lines):
    edifact_set(summary, "CNT", 1, 1, str(lines), qualifier("2"))


def number_lines(groups):
    ordinal = 0
    for group in groups:
        for segment in group:
            if tag(segment) == "LIN":
                ordinal += 1
                segment[1] = [str(ordinal)]
    return ordinal


def edifact_ordrsp(header, lines, summary, number):
    edifact_set(header, "BGM", 2, 0, "OR-%08d" % number)
    edifact_set(header, "RFF", 1, 1, "PO-%08d" % number, qualifier("ON"))
    line_count(summary, number_lines(lines))


def edifact_desadv(header, lines, summary, number):
    edifact_set(header, "BGM", 2, 0, "DES-%08d" % number)
    edifact_set(header, "PAC", 1, 0, str(len(lines)))
    for ordinal, group in enumerate(lines, 2):
        for segment in group:
            if tag(segment) == "CPS":
                segment[1] = [str(ordinal)]
                segment[2] = ["1"]
            elif tag(segment) == "GIN":
                serial = segment[2][0]
                segment[2][0] = serial[:-9] + "%09d" % ((number * 1000 + ordinal) % 10 ** 9)
    line_count(summary, number_lines(lines))


def edifact_invoic(header, lines, summary, number):
    edifact_set(header, "BGM", 2, 0, "%08d" % (90000000 + number))
    total = Decimal(0)
    for group in lines:
        for segment in group:
            if tag(segment) == "MOA" and segment[1][0] == "203":
                total += Decimal(segment[1][1])
    for code in ("79", "77"):
        edifact_set(summary, "MOA", 1, 1, str(total.quantize(Decimal("0.01"))), qualifier(code))
    line_count(summary, number_lines(lines))


def edifact_remadv(header, lines, summary, number):
    edifact_set(header, "BGM", 2, 0, "RA-%08d" % number)
    paid = Decimal(0)
    for ordinal, group in enumerate(lines, 1):
        group[0][2] = ["%08d-%d" % (number, ordinal)]
        for segment in group:
            if tag(segment) == "MOA" and segment[1][0] == "12":
                paid += Decimal(segment[1][1])
    edifact_set(summary, "MOA", 1, 1, str(paid.quantize(Decimal("0.01"))), qualifier("12"))


EDIFACT_SETS = {
    "ORDRSP": (lambda s: tag(s) == "LIN", ("UNS",), edifact_ordrsp),
    "DESADV": (lambda s: tag(s) == "CPS" and len(s) > 2, ("CNT",), edifact_desadv),
    "INVOIC": (lambda s: tag(s) == "LIN", ("UNS",), edifact_invoic),
    "REMADV": (lambda s: tag(s) == "DOC", ("UNS",), edifact_remadv),
}


def write_edifact(name, data, size, lines, out):
    sample = EDIFACTInterchange(data)
    starts_line, summary_tags, fill = EDIFACT_SETS[name]
    header, groups, summary = split_lines(sample.body, starts_line, summary_tags, tag)
    reference = sample.unb[5][0]
    written = out.write(sample.una + sample.text(sample.unb))
    messages, segments = 0, 1
    trailer = 40
    while True:
        number = messages + 1
        copy_header = [[list(e) for e in s] for s in header]
        copy_lines = [[[list(e) for e in s] for s in g] for g in
                      (groups[i % len(groups)] for i in range(lines or len(groups)))]
        copy_summary = [[list(e) for e in s] for s in summary]
        fill(copy_header, copy_lines, copy_summary, number)
        body = copy_header + [s for g in copy_lines for s in g] + copy_summary
        unh = [["UNH"], [str(number)], sample.message_type]
        chunk = "".join(sample.text(s) for s in [unh] + body + [[["UNT"], [str(len(body) + 2)], [str(number)]]])
        if messages > 0 and written + len(chunk) + trailer > size:
            break
        written += out.write(chunk)
        messages += 1
        segments += len(body) + 2
    written += out.write(sample.text([["UNZ"], [str(messages)], [reference]]))
    return written, messages, segments + 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", choices=sorted(TEMPLATES))
    parser.add_argument("size")
    parser.add_argument("out")
    parser.add_argument("--lines", type=int, default=40, help="line groups per transaction (0: as in the sample)")
    parser.add_argument("--samples", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Samples"))
    arguments = parser.parse_args()
    with open(os.path.join(arguments.samples, TEMPLATES[arguments.set]), encoding="latin-1", newline="") as handle:
        data = handle.read()
    write = write_x12 if arguments.set in X12_SETS else write_edifact
    with open(arguments.out, "w", encoding="latin-1", newline="") as out:
        written, transactions, segments = write(arguments.set, data, parse_size(arguments.size), arguments.lines, out)
    print("%s: %d bytes, %d transactions, %d segments" % (arguments.out, written, transactions, segments), file=sys.stderr)


if __name__ == "__main__":
    main()
