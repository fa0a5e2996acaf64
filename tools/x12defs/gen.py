#!/usr/bin/env python3
"""Generate Schemas/X12/** from the fact tables in tools/x12defs/facts.

    python3 tools/x12defs/gen.py            # writes the files
    python3 tools/x12defs/gen.py --check    # fails if a written file would change

Needs ../shared/reference (pyx12 element dictionary, OopFactory 5010 listing) next to the repository,
or EDIKIT_REFERENCE pointing at it.
"""
import os
import sys
from xml.sax.saxutils import escape, quoteattr

import x12facts as F
import envelopes

SCHEMAS = os.path.join(F.REPO, "Schemas", "X12")

SETS = {
    "850": ("Purchase Order", "PO"),
    "855": ("Purchase Order Acknowledgment", "PR"),
    "856": ("Ship Notice/Manifest", "SH"),
    "810": ("Invoice", "IN"),
    "820": ("Payment Order/Remittance Advice", "RA"),
    "997": ("Functional Acknowledgment", "FA"),
    "999": ("Implementation Acknowledgment", "FA"),
}
SETS_BY_VERSION = {"4010": ["850", "855", "856", "810", "820", "997"],
                   "5010": ["850", "855", "856", "810", "820", "997", "999"]}


class Facts:
    """All facts for one version, resolved: element definitions, composites, segments, code lists."""

    def __init__(self, version):
        self.version = version
        self.segments = F.load_structures("segments.txt")[version]
        self.composites = F.load_structures("composites.txt")[version]
        self.own = F.load_elements()[version]
        self.pyx12 = F.load_pyx12_elements()
        self.oop = F.load_oop_segments()
        self.codes = F.load_codes()[version]
        self.oopsets = F.load_oop_qualifier_sets()
        self.elements = {}       # id -> dict(name, type, min, max, notes)
        self.pseudo = {}         # pseudo id -> dict (same)
        self._resolve()

    def _oop_width(self, ident):
        """Widest max length OopFactory lists for this element id at any position we map to it."""
        widest = None
        for tag, seg in self.segments.items():
            listing = self.oop.get(tag)
            if not listing:
                continue
            for index, use in enumerate(seg["elements"]):
                if use["ref"] == ident and index < len(listing) and listing[index][4] > 0:
                    widest = max(widest or 0, listing[index][4])
        return widest

    def _define(self, ident):
        if ident in self.elements:
            return
        notes = []
        if ident in self.own:
            name, dtype, minimum, maximum = self.own[ident]
            source = "ours"
        elif ident in self.pyx12:
            name, dtype, minimum, maximum = self.pyx12[ident]
            source = "pyx12"
        else:
            raise KeyError("element %s (%s) has no definition" % (ident, self.version))
        if self.version == "5010" and source == "ours" and ident not in self.pyx12:
            wide = self._oop_width(ident)
            if wide and wide > maximum and dtype not in ("DT", "TM", "ID"):
                notes.append("005010 max length %d (004010: %d) taken from the OopFactory listing; "
                             "not checked against the 005010 dictionary" % (wide, maximum))
                maximum = wide
        if self.version == "4010" and ident in self.pyx12 and ident not in self.own:
            pass
        self.elements[ident] = {"name": name, "type": dtype, "min": minimum, "max": maximum, "notes": notes}

    def _resolve(self):
        for table in (self.segments, self.composites):
            for tag, entry in table.items():
                for index, use in enumerate(entry["elements"]):
                    ref = use["ref"]
                    if ref == "?":
                        self._define_pseudo(tag, index)
                    elif ref == "-" or (ref.startswith("C") and ref[1:].isdigit()):
                        continue
                    else:
                        self._define(ref)
        # elements used by envelope segments that also appear in transaction sets (AK1-01, AK1-03)
        for ident in ("28", "479", "480", "142", "124", "455", "97", "96", "329", "143", "1705"):
            if ident == "1705" and self.version == "4010":
                continue
            self._define(ident)

    def _define_pseudo(self, tag, index):
        listing = self.oop.get(tag) or []
        if index >= len(listing):
            raise KeyError("%s%02d: no OopFactory listing to describe it" % (tag, index + 1))
        name, _, dtype, minimum, maximum, _ = listing[index]
        if dtype == "N":
            dtype = "N0"
        ident = "%s%02d" % (tag, index + 1)
        self.pseudo[ident] = {"name": name, "type": dtype, "min": minimum, "max": maximum,
                              "notes": ["X12 data element reference number not verified; name, type and "
                                        "lengths from the OopFactory dictionary listing of %s%02d" % (tag, index + 1)]}

    def ref_of(self, tag, index, use):
        return "%s%02d" % (tag, index + 1) if use["ref"] == "?" else use["ref"]


def usage_of(use, position, rules):
    if use["mandatory"]:
        return "M"
    if any(position in positions for _, positions in rules):
        return "C"
    return "O"


def code_list_xml(entry, facts, indent):
    pad = " " * indent
    codes = entry["codes"]
    if entry.get("oopset"):
        codes = facts.oopsets.get(entry["oopset"], [])
        if not codes:
            raise KeyError("OopFactory qualifier set %r not found" % entry["oopset"])
    codes = list(codes) + entry.get("extra", [])
    lines = ['%s<codes closed="%s" source=%s>' % (pad, "true" if entry["closed"] else "false",
                                                   quoteattr(entry["source"]))]
    seen = set()
    for value, title in codes:
        if value in seen:
            continue
        seen.add(value)
        if title:
            lines.append('%s  <code value=%s>%s</code>' % (pad, quoteattr(value), escape(title)))
        else:
            lines.append('%s  <code value=%s/>' % (pad, quoteattr(value)))
    lines.append("%s</codes>" % pad)
    return lines


def element_definition_xml(ident, definition, facts):
    head = '    <element id=%s name=%s type="%s" minLength="%d" maxLength="%d"' % (
        quoteattr(ident), quoteattr(definition["name"]), definition["type"], definition["min"], definition["max"])
    body = ["      <note>%s</note>" % escape(n) for n in definition["notes"]]
    entry = facts.codes.get(ident)
    if ident == "103":
        body.append("      <note>A packaging code is a packaging form (3 characters, e.g. CTN, PLT) optionally followed "
                    "by a packaging material code (2 characters, e.g. CTN25, PLT94); the list holds the parts as the "
                    "reference lists them, so combined values are not in it (the list is open).</note>")
    if entry:
        body += code_list_xml(entry, facts, 6)
    if not body:
        return [head + "/>"]
    return [head + ">"] + body + ["    </element>"]


def uses_xml(tag, entry, facts, kind):
    lines = []
    rules = entry["rules"]
    for index, use in enumerate(entry["elements"]):
        if use["ref"] == "-":
            continue
        position = index + 1
        ref = facts.ref_of(tag, index, use)
        node = "composite" if (ref.startswith("C") and ref[1:].isdigit()) else "element"
        if kind == "component":
            node = "component"
        attrs = 'ref=%s position="%d" usage="%s"' % (quoteattr(ref), position, usage_of(use, position, rules))
        if use["repeat"] != 1:
            attrs += ' repeat="%d"' % use["repeat"]
        lines.append("      <%s %s/>" % (node, attrs))
    for kind_, positions in rules:
        lines.append('      <rule kind="%s" positions="%s"/>' % (kind_, " ".join(str(p) for p in positions)))
    return lines


def sort_key(ident):
    digits = "".join(ch for ch in ident if ch.isdigit())
    return (0 if ident.isdigit() else 1, int(digits) if ident.isdigit() else 0, ident)


DICTIONARY_NOTES = {
    "4010": "X12 004010 segments, composites and data elements used by the EDIKit order-to-cash sets "
            "(850, 855, 856, 810, 820, 997) and the functional group header. Generated by tools/x12defs/gen.py "
            "from our fact tables; see docs/x12-definitions.md for sources and what is not verified.",
    "5010": "X12 005010 segments, composites and data elements used by the EDIKit order-to-cash sets "
            "(850, 855, 856, 810, 820, 997, 999). Differences from 004010: ST03 (1705) and AK1-03/AK2-03 exist; "
            "C030 has a third component (1686, repetition position); N4 has N407 (1715) and new rules; NM1 has "
            "NM112; DMG05 is the composite C056 and DMG10/DMG11 exist; RDM has RDM04/RDM05; MTX has MTX05/MTX06; "
            "NX203 is element 1107 (004010: 1096) and NX204/NX205 exist (rule P0405); SAC has no L130204; IK3, IK4, IK5, CTX and composites C998/C999 are new (999); "
            "IN2, EFI, AT9, RPA and VEH are used by the 005010 850/855/856/820 tables; INV01 is mandatory with "
            "rule E020304, EMS has 15 elements (EMS15 repeats 5 times) and rules P0708, P0910, P1314; "
            "CTB has CTB07 (C001), INC has INC06 (522) with INC04 optional, MEA has MEA11/MEA12 (1270, 1271), "
            "PAL has PAL17 (1699), and PAM, CTB and MEA rules changed; "
            "several lengths grew (127 Reference Identification 1-50, 364 Communication Number 1-256, "
            "358 Quantity Invoiced 1-15). Generated by tools/x12defs/gen.py; see docs/x12-definitions.md.",
}


def dictionary_xml(facts):
    version = facts.version
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<dictionary xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" syntax="x12" version="%s" '
           'source="EDIKit fact tables (tools/x12defs/facts); checked against pyx12 dataele.xml, EdiWeave 004010 '
           'segment classes and the OopFactory 5010 listing">' % F.VERSION_CODE[version],
           "  <description>%s</description>" % escape(DICTIONARY_NOTES[version]),
           "  <elements>"]
    for ident in sorted(facts.elements, key=sort_key):
        out += element_definition_xml(ident, facts.elements[ident], facts)
    for ident in sorted(facts.pseudo):
        out += element_definition_xml(ident, facts.pseudo[ident], facts)
    out.append("  </elements>")
    out.append("  <composites>")
    for tag in sorted(facts.composites):
        entry = facts.composites[tag]
        out.append('    <composite id=%s name=%s>' % (quoteattr(tag), quoteattr(entry["name"])))
        if entry["unverified_rules"]:
            out.append("      <note>Syntax rules of this composite are not verified and are left out.</note>")
        out += uses_xml(tag, entry, facts, "component")
        out.append("    </composite>")
    out.append("  </composites>")
    out.append("  <segments>")
    for tag in sorted(facts.segments):
        entry = facts.segments[tag]
        out.append('    <segment id=%s name=%s>' % (quoteattr(tag), quoteattr(entry["name"])))
        if entry["unverified_rules"]:
            out.append("      <note>Syntax rules of this segment are only partly verified: rules we could not check are "
                       "left out (a missing rule lets bad data through; a wrong one would reject good files).</note>")
        out += uses_xml(tag, entry, facts, "segment")
        out.append("    </segment>")
    out.append("  </segments>")
    out.append("</dictionary>")
    return "\n".join(out) + "\n"


def structure_xml(nodes, depth, facts, path):
    pad = "  " * depth
    out = []
    for node in nodes:
        if node[0] == "seg":
            _, pos, tag, usage, maximum = node
            if tag not in facts.segments:
                raise KeyError("%s: segment %s not in the %s dictionary" % (path, tag, facts.version))
            out.append('%s<segment ref="%s" position="%s" usage="%s" max="%s"/>' % (
                pad, tag, pos, usage, "unbounded" if maximum == ">1" else maximum))
        else:
            _, ident, _, maximum, children, qualifier = node
            trigger = children[0]
            assert trigger[0] == "seg", "%s: loop %s must start with a segment" % (path, ident)
            loop_usage = trigger[3]
            attrs = 'id="%s" usage="%s" max="%s"' % (ident, loop_usage, "unbounded" if maximum == ">1" else maximum)
            if qualifier:
                qpos, values = qualifier.split("=")
                attrs += ' qualifierPosition="%s" qualifierValues="%s"' % (qpos, values.replace(",", " "))
            out.append("%s<loop %s>" % (pad, attrs))
            first = list(trigger)
            first[3] = "M"
            out += structure_xml([first] + children[1:], depth + 1, facts, path + "/" + ident)
            out.append("%s</loop>" % pad)
    return out


def transaction_xml(set_id, facts):
    version = facts.version
    tables, header = F.load_set_table(set_id)
    nodes = tables[version]
    info = header.get(version, {})
    title, group = SETS[set_id]
    description = " ".join(info.get("description", []))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<transaction syntax="x12" version="%s" id="%s" name=%s functionalGroup="%s" dictionary="dictionary.xml" '
           'source=%s>' % (F.VERSION_CODE[version], set_id, quoteattr(title), group,
                           quoteattr(" ".join(info.get("source", ["EDIKit fact table tools/x12defs/facts/sets/%s.txt"
                                                                  % set_id])))),
           "  <description>%s</description>" % escape(description)]
    if "hierarchy" in info:
        out.append('  <hierarchy segment="HL" closed="false">')
        for spec in info["hierarchy"]:
            code, _, rest = spec.partition(" ")
            parents, _, name = rest.partition(" ")
            parents = "" if parents == "-" else parents.replace(",", " ")
            out.append('    <level code=%s name=%s parents="%s"/>' % (quoteattr(code), quoteattr(name), parents))
        out.append("  </hierarchy>")
    out.append("  <structure>")
    out += structure_xml(nodes, 2, facts, set_id)
    out.append("  </structure>")
    out.append("</transaction>")
    return "\n".join(out) + "\n"


def outputs():
    files = {}
    for version in F.VERSIONS:
        facts = Facts(version)
        folder = os.path.join(SCHEMAS, F.VERSION_CODE[version])
        files[os.path.join(folder, "dictionary.xml")] = dictionary_xml(facts)
        for set_id in SETS_BY_VERSION[version]:
            files[os.path.join(folder, set_id + ".xml")] = transaction_xml(set_id, facts)
    for name, text in envelopes.envelope_files().items():
        files[os.path.join(SCHEMAS, name)] = text
    return files


def main():
    check = "--check" in sys.argv
    changed = []
    for path, text in sorted(outputs().items()):
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            changed.append(path)
            if not check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(text)
    for path in changed:
        print(("would change " if check else "wrote ") + os.path.relpath(path, F.REPO))
    if check and changed:
        sys.exit(1)


if __name__ == "__main__":
    main()
