"""The X12 interchange, group and transaction envelopes (ISA/IEA, GS/GE, ST/SE, TA1, ISB/ISE).

Facts: pyx12 x12.control.00401.xml / x12.control.00501.xml / 997.4010.xml / 999.5010.xml and
StAEDI's common.xml and v00402.xml (element types, lengths, code lists). Layout and wording are ours.
"""
from xml.sax.saxutils import escape, quoteattr

# id: (name, type, min, max)
ENVELOPE_ELEMENTS = {
    "I01": ("Authorization Information Qualifier", "ID", 2, 2),
    "I02": ("Authorization Information", "AN", 10, 10),
    "I03": ("Security Information Qualifier", "ID", 2, 2),
    "I04": ("Security Information", "AN", 10, 10),
    "I05": ("Interchange ID Qualifier", "ID", 2, 2),
    "I06": ("Interchange Sender ID", "AN", 15, 15),
    "I07": ("Interchange Receiver ID", "AN", 15, 15),
    "I08": ("Interchange Date", "DT", 6, 6),
    "I09": ("Interchange Time", "TM", 4, 4),
    "I10": ("Interchange Control Standards Identifier", "ID", 1, 1),
    "I65": ("Repetition Separator", "AN", 1, 1),
    "I11": ("Interchange Control Version Number", "ID", 5, 5),
    "I12": ("Interchange Control Number", "N0", 9, 9),
    "I13": ("Acknowledgment Requested", "ID", 1, 1),
    "I14": ("Interchange Usage Indicator", "ID", 1, 1),
    "I15": ("Component Element Separator", "AN", 1, 1),
    "I16": ("Number of Included Functional Groups", "N0", 1, 5),
    "I17": ("Interchange Acknowledgment Code", "ID", 1, 1),
    "I18": ("Interchange Note Code", "ID", 3, 3),
    "I34": ("Grade of Service Code", "ID", 1, 1),
    "I35": ("Delivery Date", "DT", 6, 6),
    "I36": ("Delivery Time", "TM", 4, 4),
    "I37": ("Delivery Time Code", "ID", 2, 2),
    "479": ("Functional Identifier Code", "ID", 2, 2),
    "142": ("Application Sender's Code", "AN", 2, 15),
    "124": ("Application Receiver's Code", "AN", 2, 15),
    "373": ("Date", "DT", 8, 8),
    "337": ("Time", "TM", 4, 8),
    "28": ("Group Control Number", "N0", 1, 9),
    "455": ("Responsible Agency Code", "ID", 1, 2),
    "480": ("Version / Release / Industry Identifier Code", "AN", 1, 12),
    "97": ("Number of Transaction Sets Included", "N0", 1, 6),
    "143": ("Transaction Set Identifier Code", "ID", 3, 3),
    "329": ("Transaction Set Control Number", "AN", 4, 9),
    "1705": ("Implementation Convention Reference", "AN", 1, 35),
    "96": ("Number of Included Segments", "N0", 1, 10),
}

STAEDI = "StAEDI src/main/resources/X12/common.xml"
I05_CODES = ["01", "02", "03", "04", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18",
             "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34",
             "35", "36", "37", "38", "AM", "NR", "SA", "SN", "ZZ"]
I11_CODES = ["00200", "00201", "00204", "00300", "00301", "00302", "00303", "00304", "00305", "00306", "00307",
             "00400", "00401", "00402", "00403", "00404", "00405", "00406", "00500", "00501", "00502", "00503",
             "00504", "00505", "00600", "00601", "00602", "00603", "00604", "00605", "00700", "00701", "00702",
             "00703", "00704", "00800", "00801"]
I18_CODES = ["%03d" % n for n in range(0, 32)]
I37_CODES = ["%02d" % n for n in range(1, 25)] + ["CD", "CS", "CT", "ED", "ES", "ET", "GM", "LT", "MD", "MS",
                                                  "MT", "PD", "PS", "PT", "UT"]


def _functional_ids():
    """GS01 codes as StAEDI lists them (all versions together)."""
    import re
    import x12facts
    path = x12facts.os.path.join(x12facts.REFERENCE, "staedi", "src", "main", "resources", "X12", "common.xml")
    text = open(path, encoding="iso-8859-1").read()
    block = re.search(r'<elementType name="E479".*?</elementType>', text, re.S).group(0)
    return re.findall(r"<value>([^<]+)</value>", block)


def code_lists(version):
    lists = {
        "I01": (version == "00501", "pyx12 999.5010.xml ISA01" if version == "00501" else
                STAEDI + " I01 (all versions together; not checked complete for 00401)",
                [("00", "No Authorization Information Present"), ("01", "UCS Communications ID"),
                 ("02", "EDX Communications ID"), ("03", "Additional Data Identification"),
                 ("04", "Rail Communications ID"), ("05", "Department of Defense (DoD) Communication Identifier"),
                 ("06", "United States Federal Government Communication Identifier")]),
        "I03": (True, "pyx12 %s ISA03" % ("999.5010.xml" if version == "00501" else "997.4010.xml"),
                [("00", "No Security Information Present"), ("01", "Password")]),
        "I05": (False, STAEDI + " I05 (all versions together)", [(c, "") for c in I05_CODES]),
        "I11": (False, STAEDI + " I11 (all versions)", [(c, "") for c in I11_CODES]),
        "I13": (True, "pyx12 x12.control.%s.xml ISA14" % version,
                [("0", "No Interchange Acknowledgment Requested"), ("1", "Interchange Acknowledgment Requested (TA1)")]),
        "I17": (True, "pyx12 x12.control.%s.xml TA104" % version,
                [("A", "The Transmitted Interchange Control Structure Header and Trailer Have Been Received and Have No Errors"),
                 ("E", "The Transmitted Interchange Control Structure Header and Trailer Have Been Received and Are Accepted But Errors Are Noted"),
                 ("R", "The Transmitted Interchange Control Structure Header and Trailer are Rejected Because of Errors")]),
        "I18": (True, "pyx12 x12.control.%s.xml TA105" % version, [(c, "") for c in I18_CODES]),
        "I34": (False, STAEDI + " I34", [("0", ""), ("1", ""), ("2", "")]),
        "I37": (False, STAEDI + " I37", [(c, "") for c in I37_CODES]),
        "479": (False, STAEDI + " E479 (all versions together)", [(c, "") for c in _functional_ids()]),
        "455": (False, "X12 %s element 455 (T and X; pyx12 lists only X, a HIPAA restriction)" % version,
                [("T", "Transportation Data Coordinating Committee (TDCC)"), ("X", "Accredited Standards Committee X12")]),
    }
    if version == "00401":
        lists["I10"] = (True, "pyx12 997.4010.xml ISA11", [("U", "U.S. EDI Community of ASC X12, TDCC, and UCS")])
        lists["I14"] = (True, "pyx12 997.4010.xml ISA15", [("P", "Production Data"), ("T", "Test Data")])
    else:
        lists["I14"] = (True, "pyx12 999.5010.xml ISA15 (x12.control.00501.xml lists only P and T)",
                        [("I", "Information"), ("P", "Production Data"), ("T", "Test Data")])
    return lists


def segments(version):
    isa11 = "I10" if version == "00401" else "I65"
    isa = ["I01", "I02", "I03", "I04", "I05", "I06", "I05", "I07", "I08", "I09", isa11, "I11", "I12", "I13",
           "I14", "I15"]
    st = ["143", "329"] + (["1705"] if version == "00501" else [])
    st_usage = ["M", "M"] + (["O"] if version == "00501" else [])
    return [
        ("ISA", "Interchange Control Header", isa, ["M"] * 16),
        ("ISB", "Grade of Service Request", ["I34"], ["M"]),
        ("ISE", "Deferred Delivery Request", ["I35", "I36", "I37"], ["M", "M", "M"]),
        ("TA1", "Interchange Acknowledgment", ["I12", "I08", "I09", "I17", "I18"], ["M"] * 5),
        ("GS", "Functional Group Header", ["479", "142", "124", "373", "337", "28", "455", "480"], ["M"] * 8),
        ("ST", "Transaction Set Header", st, st_usage),
        ("SE", "Transaction Set Trailer", ["96", "329"], ["M", "M"]),
        ("GE", "Functional Group Trailer", ["97", "28"], ["M", "M"]),
        ("IEA", "Interchange Control Trailer", ["I16", "I12"], ["M", "M"]),
    ]


DESCRIPTIONS = {
    "00401": "X12 interchange envelope for ISA12 00401 (also used for older ISA12 values whose ISA11 is the "
             "Interchange Control Standards Identifier, I10, code U). ISA elements are fixed length. "
             "TA1 may follow ISA (before any GS) to acknowledge an interchange; ISB and ISE are optional "
             "interchange service segments. Three levels: ISA13 = IEA02 and IEA01 counts the groups; "
             "GS06 = GE02 and GE01 counts the transaction sets; ST02 = SE02 and SE01 counts the segments "
             "of the set, ST and SE included.",
    "00501": "X12 interchange envelope for ISA12 00501 (also used for 00402-00406, where ISA11 is already the "
             "repetition separator). Differences from 00401: ISA11 is the Repetition Separator (I65), a delimiter "
             "rather than a code; ISA15 may be I (Information); ST03 (1705, implementation convention reference) "
             "exists; GS08 is 1-12 characters as before. Three levels: ISA13 = IEA02 and IEA01 counts the groups; "
             "GS06 = GE02 and GE01 counts the transaction sets; ST02 = SE02 and SE01 counts the segments of the "
             "set, ST and SE included.",
}
ALSO = {"00401": "00200 00201 00204 00300 00301 00302 00303 00304 00305 00306 00307 00400",
        "00501": "00402 00403 00404 00405 00406"}


def envelope_xml(version):
    lists = code_lists(version)
    segs = segments(version)
    used = []
    for _, _, refs, _ in segs:
        for ref in refs:
            if ref not in used:
                used.append(ref)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<envelope syntax="x12" version="%s" alsoServes="%s" source="pyx12 x12.control.%s.xml, StAEDI common.xml; '
           'written by EDIKit (tools/x12defs/envelopes.py)">' % (version, ALSO[version], version),
           "  <description>%s</description>" % escape(DESCRIPTIONS[version]),
           '  <level name="interchange" header="ISA" trailer="IEA" headerControl="13" trailerControl="2" '
           'trailerCount="1" counts="group"/>',
           '  <level name="group" header="GS" trailer="GE" headerControl="6" trailerControl="2" '
           'trailerCount="1" counts="transaction"/>',
           '  <level name="transaction" header="ST" trailer="SE" headerControl="2" trailerControl="2" '
           'trailerCount="1" counts="segment"/>',
           "  <elements>"]
    for ref in used:
        name, dtype, minimum, maximum = ENVELOPE_ELEMENTS[ref]
        head = '    <element id=%s name=%s type="%s" minLength="%d" maxLength="%d"' % (
            quoteattr(ref), quoteattr(name), dtype, minimum, maximum)
        body = []
        if ref == "I65":
            body.append("      <note>A delimiter, not data: the character used between repetitions of an "
                        "element. New with ISA12 00402; in 00401 ISA11 is I10.</note>")
        if ref == "I15":
            body.append("      <note>A delimiter, not data: the component element separator.</note>")
        if ref == "373":
            body.append("      <note>GS04: CCYYMMDD for groups of version 004000 and later (GS08); groups of earlier "
                        "versions carried YYMMDD (6 characters). The schema language has no per-GS08 length, so a "
                        "validator should apply 6/6 when GS08 is below 004000.</note>")
        if ref == "480":
            body.append("      <note>GS08: 1-12 characters, version/release (e.g. 004010, 005010) followed "
                        "by an optional industry identifier (e.g. 005010X231A1).</note>")
        if ref in lists:
            closed, source, codes = lists[ref]
            body.append('      <codes closed="%s" source=%s>' % ("true" if closed else "false", quoteattr(source)))
            for value, title in codes:
                if title:
                    body.append('        <code value=%s>%s</code>' % (quoteattr(value), escape(title)))
                else:
                    body.append('        <code value=%s/>' % quoteattr(value))
            body.append("      </codes>")
        out += ([head + ">"] + body + ["    </element>"]) if body else [head + "/>"]
    out.append("  </elements>")
    out.append("  <segments>")
    for tag, name, refs, usages in segs:
        out.append('    <segment id="%s" name=%s>' % (tag, quoteattr(name)))
        for index, (ref, usage) in enumerate(zip(refs, usages)):
            out.append('      <element ref="%s" position="%d" usage="%s"/>' % (ref, index + 1, usage))
        out.append("    </segment>")
    out.append("  </segments>")
    out.append("</envelope>")
    return "\n".join(out) + "\n"


def envelope_files():
    return {"envelope-%s.xml" % v: envelope_xml(v) for v in ("00401", "00501")}
