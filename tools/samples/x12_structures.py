"""X12 transaction set tables (segment order, loops, usage, max use) for check_samples.py.

Written from the X12 standard tables for these versions as published in public
implementation guides, cross-checked with the loop membership and repeats of the
OopFactory specifications in ../shared/reference/oopfactory (Ansi-8xx-4010Specification.xml,
X12.NET Ansi-850-5010Specification.xml). The tables hold the standard's segments in the
standard's order; usage M is only set where the standard says mandatory. ">1" is written
as None (unbounded).
"""


def S(tag, usage="O", max_use=1):
    return ("segment", tag, usage, max_use)


def L(loop_id, usage, max_use, *children):
    return ("loop", loop_id, usage, max_use, list(children))


N = None  # unbounded (">1")

# ---- 850 Purchase Order, 004010 (also used for 005010: same order for these segments) ----
_N1_850 = L("N1", "O", 200, S("N1"), S("N2", "O", 2), S("N3", "O", 2), S("N4", "O", N), S("NX2", "O", N),
            S("REF", "O", 12), S("PER", "O", N), S("SI", "O", N), S("FOB"), S("TD1", "O", 2), S("TD5", "O", 12),
            S("TD3", "O", 12), S("TD4", "O", 5), S("PKG", "O", 200))
X850 = [
    S("ST", "M"), S("BEG", "M"), S("CUR"), S("REF", "O", N), S("PER", "O", 3), S("TAX", "O", N),
    S("FOB", "O", N), S("CTP", "O", N), S("PAM", "O", 10), S("CSH", "O", 5), S("TC2", "O", N),
    L("SAC", "O", 25, S("SAC"), S("CUR")),
    S("ITD", "O", N), S("DIS", "O", 20), S("INC"), S("DTM", "O", 10), S("LDT", "O", 12), S("LIN", "O", 5),
    S("SI", "O", N), S("PID", "O", 200), S("MEA", "O", 40), S("PWK", "O", 25), S("PKG", "O", 200),
    S("TD1", "O", 2), S("TD5", "O", 12), S("TD3", "O", 12), S("TD4", "O", 5), S("MAN", "O", 10),
    S("PCT", "O", N), S("CTB", "O", 5), S("TXI", "O", N),
    L("AMT", "O", N, S("AMT"), S("REF", "O", N), S("DTM"), S("PCT", "O", N)),
    L("N9", "O", 1000, S("N9"), S("DTM", "O", N), S("MSG", "O", 1000)),
    _N1_850,
    L("LM", "O", N, S("LM"), L("LQ", "M", N, S("LQ", "M"))),
    L("PO1", "M", 100000,
      S("PO1", "M"), S("LIN", "O", N), S("SI", "O", N), S("CUR"), S("CN1"), S("PO3", "O", 25),
      L("CTP", "O", N, S("CTP"), S("CUR")),
      S("PAM", "O", 10), S("MEA", "O", 40),
      L("PID", "O", 1000, S("PID"), S("MEA", "O", 10)),
      S("PWK", "O", 25), S("PO4", "O", N), S("REF", "O", N), S("PER", "O", 3),
      L("SAC", "O", 25, S("SAC"), S("CUR"), S("CTP")),
      S("IT8"), S("CSH", "O", N), S("ITD", "O", 2), S("DIS", "O", 20), S("INC"), S("TAX", "O", N),
      S("FOB", "O", N), S("SDQ", "O", 500), S("IT3", "O", 5), S("DTM", "O", 10), S("TC2", "O", N),
      S("TD1"), S("TD5", "O", 12), S("TD3", "O", 12), S("TD4", "O", 5), S("PCT", "O", N),
      S("MAN", "O", 10), S("MSG", "O", N), S("SPI", "O", N), S("TXI", "O", N), S("CTB", "O", N),
      L("QTY", "O", N, S("QTY"), S("SI", "O", N)),
      L("SCH", "O", 200, S("SCH"), S("TD1", "O", 2), S("TD5", "O", 12), S("TD3", "O", 12), S("TD4", "O", 5), S("REF", "O", N)),
      L("PKG", "O", 200, S("PKG"), S("MEA", "O", N)),
      L("N9", "O", 1000, S("N9"), S("DTM", "O", N), S("MEA", "O", 40), S("MSG", "O", 1000)),
      L("N1", "O", 200, S("N1"), S("N2", "O", 2), S("N3", "O", 2), S("N4"), S("QTY", "O", N), S("NX2", "O", N),
        S("REF", "O", 12), S("PER", "O", 3), S("SI", "O", N), S("DTM"), S("FOB"), S("SCH", "O", 200),
        S("TD1", "O", 2), S("TD5", "O", 12), S("TD3", "O", 12), S("TD4", "O", 5), S("PKG", "O", 200)),
      L("SLN", "O", 1000, S("SLN"), S("MSG", "O", N), S("SI", "O", N), S("PID", "O", 1000), S("PO3", "O", 104),
        S("TC2", "O", N), S("ADV", "O", N), S("DTM", "O", 10), S("CTP", "O", 25), S("PAM", "O", 10), S("PO4"),
        S("TAX", "O", 3)),
      L("AMT", "O", N, S("AMT"), S("REF"), S("PCT", "O", N)),
      ),
    L("CTT", "O", 1, S("CTT", "M"), S("AMT")),
    S("SE", "M"),
]

# ---- 855 Purchase Order Acknowledgment, 004010 ----
X855 = [
    S("ST", "M"), S("BAK", "M"), S("CUR"), S("REF", "O", N), S("PER", "O", 3), S("TAX", "O", N),
    S("FOB", "O", N), S("CTP", "O", N), S("PAM", "O", 10), S("CSH"),
    L("SAC", "O", 25, S("SAC"), S("CUR")),
    S("ITD", "O", 5), S("DIS", "O", 20), S("INC"), S("DTM", "O", 10), S("LDT", "O", 12), S("LIN", "O", 5),
    S("SI", "O", N), S("PID", "O", 200), S("MEA", "O", 40), S("PWK", "O", 25), S("PKG", "O", 25),
    S("TD1", "O", 2), S("TD5", "O", 12), S("TD3", "O", 12), S("TD4", "O", 5), S("MAN", "O", 10),
    S("PCT", "O", N), S("CTB", "O", 5), S("TXI", "O", N),
    L("AMT", "O", N, S("AMT"), S("REF", "O", N), S("DTM"), S("PCT", "O", N)),
    L("N9", "O", 1000, S("N9"), S("DTM", "O", N), S("MSG", "O", 1000)),
    L("N1", "O", 200, S("N1"), S("N2", "O", 2), S("N3", "O", 2), S("N4", "O", N), S("NX2", "O", N),
      S("REF", "O", 12), S("PER", "O", N), S("SI", "O", N), S("FOB"), S("TD1", "O", 2), S("TD5", "O", 12),
      S("TD3", "O", 12), S("TD4", "O", 5), S("PKG", "O", 200)),
    L("PO1", "O", 100000,
      S("PO1", "M"), S("LIN", "O", N), S("SI", "O", N), S("CUR"), S("PO3", "O", 25),
      L("CTP", "O", N, S("CTP"), S("CUR")),
      S("PAM", "O", 10), S("MEA", "O", 40),
      L("PID", "O", 1000, S("PID"), S("MEA", "O", 10)),
      S("PWK", "O", 25), S("PO4", "O", N), S("REF", "O", N), S("PER", "O", 3),
      L("SAC", "O", 25, S("SAC"), S("CUR")),
      S("IT8"), S("CSH", "O", N), S("ITD", "O", 2), S("DIS", "O", 20), S("INC"), S("TAX", "O", N),
      S("FOB", "O", N), S("SDQ", "O", 500), S("IT3", "O", 5), S("DTM", "O", 10), S("TC2", "O", N),
      S("TD1"), S("TD5", "O", 12), S("TD3", "O", 12), S("TD4", "O", 5), S("PCT", "O", N),
      S("MAN", "O", 10), S("TXI", "O", N), S("CTB", "O", N),
      L("ACK", "O", 104, S("ACK"), S("DTM", "O", 10)),
      L("SCH", "O", 104, S("SCH"), S("TD1", "O", 2), S("TD5", "O", 12), S("TD3", "O", 12), S("TD4", "O", 5), S("REF", "O", N)),
      ),
    L("CTT", "O", 1, S("CTT", "M"), S("AMT")),
    S("SE", "M"),
]

# ---- 856 Ship Notice/Manifest, 004010 ----
X856 = [
    S("ST", "M"), S("BSN", "M"), S("DTM", "O", 10),
    L("HL", "M", 200000,
      S("HL", "M"), S("LIN"), S("SN1"), S("SLN", "O", 1000), S("PRF"), S("PO4"), S("PID", "O", 200),
      S("MEA", "O", 40), S("PWK", "O", 25), S("PKG", "O", 25), S("TD1", "O", 20), S("TD5", "O", 12),
      S("TD3", "O", 12), S("TD4", "O", 5), S("REF", "O", N), S("PER", "O", N),
      L("CLD", "O", 200, S("CLD"), S("REF", "O", N), S("DTM", "O", N)),
      S("MAN", "O", N), S("DTM", "O", 10), S("FOB"),
      L("N1", "O", 200, S("N1"), S("N2", "O", 2), S("N3", "O", 2), S("N4"), S("REF", "O", 12),
        S("PER", "O", 3), S("FOB")),
      S("SDQ", "O", 50), S("ETD"), S("CUR"),
      L("SAC", "O", N, S("SAC"), S("CUR")),
      ),
    S("CTT", "O"),
    S("SE", "M"),
]

# ---- 810 Invoice, 004010 ----
X810 = [
    S("ST", "M"), S("BIG", "M"), S("NTE", "O", 100), S("CUR"), S("REF", "O", 12), S("YNQ", "O", 10),
    S("PER", "O", 3),
    L("N1", "O", 200, S("N1"), S("N2", "O", 2), S("N3", "O", 2), S("N4"), S("REF", "O", 12),
      S("PER", "O", 3), S("DMG")),
    S("ITD", "O", N), S("DTM", "O", 10), S("FOB"), S("PID", "O", 200), S("MEA", "O", 40),
    S("PWK", "O", 25), S("PKG", "O", 25), S("L7"), S("BAL", "O", N), S("INC"), S("PAM", "O", N),
    L("LM", "O", 10, S("LM"), L("LQ", "M", 100, S("LQ", "M"))),
    L("N9", "O", 1, S("N9"), S("MSG", "O", 10)),
    L("IT1", "O", 200000,
      S("IT1", "M"), S("CRC"), S("QTY", "O", 5), S("CUR"), S("IT3", "O", 5), S("TXI", "O", 10),
      S("CTP", "O", 25), S("PAM", "O", 10), S("MEA", "O", 40),
      L("PID", "O", 1000, S("PID"), S("MEA", "O", 10)),
      S("PWK", "O", 25), S("PKG", "O", 25), S("PO4"), S("ITD", "O", 2), S("REF", "O", N),
      S("YNQ", "O", 10), S("PER", "O", 5), S("SDQ", "O", 500), S("DTM", "O", 10), S("CAD", "O", N),
      S("L7", "O", N), S("SR"),
      L("SAC", "O", 25, S("SAC"), S("TXI", "O", 10)),
      L("SLN", "O", 1000, S("SLN"), S("DTM"), S("REF", "O", N), S("PID", "O", 1000), S("SAC", "O", 25),
        S("TC2", "O", 2), S("TXI", "O", 10)),
      L("N1", "O", 200, S("N1"), S("N2", "O", 2), S("N3", "O", 2), S("N4"), S("REF", "O", 12),
        S("PER", "O", 3), S("DMG")),
      ),
    S("TDS", "M"), S("TXI", "O", 10), S("CAD"), S("AMT", "O", N),
    L("SAC", "O", 25, S("SAC"), S("TXI", "O", 10)),
    L("ISS", "O", N, S("ISS"), S("PID")),
    S("CTT", "O"),
    S("SE", "M"),
]

# ---- 820 Payment Order/Remittance Advice, 004010 ----
X820 = [
    S("ST", "M"), S("BPR", "M"), S("NTE", "O", N), S("TRN"), S("CUR"), S("REF", "O", N), S("DTM", "O", N),
    L("N1", "O", N, S("N1"), S("N2", "O", N), S("N3", "O", N), S("N4"), S("REF", "O", N),
      S("PER", "O", N), S("RDM"), S("DTM")),
    L("ENT", "O", N,
      S("ENT"),
      L("NM1", "O", N, S("NM1"), S("NM2", "O", N), S("NM3", "O", 2), S("NM4"), S("REF", "O", N), S("PER", "O", N)),
      L("ADX", "O", N, S("ADX"), S("NTE", "O", N), S("PER", "O", N), S("DTM")),
      L("RMR", "O", N, S("RMR"), S("NTE", "O", N), S("REF", "O", N), S("DTM", "O", N),
        L("IT1", "O", N, S("IT1"), S("DTM", "O", 10)),
        L("ADX", "O", N, S("ADX"), S("NTE", "O", N), S("PER", "O", N))),
      ),
    S("SE", "M"),
]

# ---- 997 Functional Acknowledgment, 004010 ----
X997 = [
    S("ST", "M"), S("AK1", "M"),
    L("AK2", "O", 999999, S("AK2"),
      L("AK3", "O", 999999, S("AK3"), S("AK4", "O", 99)),
      S("AK5", "M")),
    S("AK9", "M"),
    S("SE", "M"),
]

STRUCTURES = {
    ("850", "004010"): X850, ("850", "005010"): X850,
    ("855", "004010"): X855, ("856", "004010"): X856, ("810", "004010"): X810,
    ("820", "004010"): X820, ("997", "004010"): X997,
}

FUNCTIONAL_GROUP = {"850": "PO", "855": "PR", "856": "SH", "810": "IN", "820": "RA", "997": "FA"}
