#!/usr/bin/env python3
"""Fills a pipeline inbox with N small partner files made from the Samples inbox files.

    make_inbox.py SAMPLES INBOX N

Takes the business documents of SAMPLES/inbox (the Globex 850s and 820, the Initech ORDERS and
REMADV; not the acknowledgements) in turn and gives each copy its own interchange control number
(ISA13/IEA02 and GS06/GE02 for X12, UNB/UNZ 0020 for EDIFACT), so that none is a duplicate of
another. The files are written under hidden names in INBOX and renamed in at the end, all at
once, as a batch of uploads would arrive. Prints the number of files and bytes written.
"""
import os
import sys

TEMPLATES = [
    "globex-850-004010-two-pos.edi",
    "globex-850-005010.edi",
    "globex-820-004010-remittance.edi",
    "initech-ORDERS-D96A-two-messages.edi",
    "initech-ORDERS-D01B.edi",
    "initech-REMADV-D96A.edi",
]


def x12_copy(data: bytes, number: int) -> bytes:
    """The interchange with ISA13/IEA02 and GS06/GE02 set to `number` (ISA13 nine digits, fixed width)."""
    element, terminator = data[3:4], data[105:106]
    out = []
    for segment in data.split(terminator):
        fields = segment.split(element)
        tag = fields[0].strip()
        if tag == b"ISA":
            fields[13] = b"%09d" % number
        elif tag == b"IEA":
            fields[2] = b"%09d" % number
        elif tag in (b"GS", b"GE"):
            fields[6 if tag == b"GS" else 2] = b"%d" % number
        out.append(element.join(fields))
    return terminator.join(out)


def edifact_copy(data: bytes, number: int) -> bytes:
    """The interchange with UNB/UNZ 0020 set to `B` + `number` (the samples use `'` and `+`, no release in these segments)."""
    reference = b"B%09d" % number
    out = []
    for segment in data.split(b"'"):
        fields = segment.split(b"+")
        tag = fields[0].strip()
        if tag == b"UNB":
            fields[5] = reference
        elif tag == b"UNZ":
            fields[2] = reference
        out.append(b"+".join(fields))
    return b"'".join(out)


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    samples, inbox, count = argv[1], argv[2], int(argv[3])
    templates = [(name, open(os.path.join(samples, "inbox", name), "rb").read()) for name in TEMPLATES]
    os.makedirs(inbox, exist_ok=True)
    hidden = []
    total = 0
    for index in range(count):
        name, data = templates[index % len(templates)]
        number = index + 1
        body = x12_copy(data, number) if data.startswith(b"ISA") else edifact_copy(data, number)
        final = "%05d-%s" % (number, name)
        temporary = os.path.join(inbox, "." + final + ".part")
        with open(temporary, "wb") as handle:
            handle.write(body)
        hidden.append((temporary, os.path.join(inbox, final)))
        total += len(body)
    for temporary, final in hidden:
        os.rename(temporary, final)
    print(f"files={count} bytes={total}")


if __name__ == "__main__":
    main(sys.argv)
