#!/usr/bin/env python3
"""Writes the demo partner files under Samples/ (run from anywhere; overwrites them).

The files are data we own; this script is how they were made, so a change is made here
and the files regenerated, then checked with check_samples.py. Envelope counts and
control numbers are computed, except in Samples/broken/ where each file carries exactly
the defect its name says.

Parties
  ACME Supply Co (us, the seller)  X12 ZZ/ACMESUPPLY   EDIFACT GLN 0876543000001 (qualifier 14)
  Globex Retail Inc (X12 buyer)    X12 01/804512378 (DUNS)
  Initech GmbH (EDIFACT buyer)     GLN 4049876000000 (buyer, invoicee, payer)
                                   delivery points 4049876001007 (Stuttgart) and 4049876002080 (Leipzig)
"""
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "Samples"))


def gs1_check(digits: str) -> str:
    """GS1 mod-10 check digit for GLN, GTIN, UPC and SSCC bodies."""
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def with_check(body: str) -> str:
    return body + gs1_check(body)


ACME_GLN = with_check("087654300000")
INITECH_GLN = with_check("404987600000")
INITECH_DP_STUTTGART = with_check("404987600100")
INITECH_DP_LEIPZIG = with_check("404987600208")

# ACME's products: UPC-A (12) for X12, the same number as GTIN-13 (leading 0) for EDIFACT
ITEMS = {
    "ACM-1001": ("WIDGET BLUE 10PK", with_check("87654310001")),
    "ACM-1002": ("WIDGET RED 10PK", with_check("87654310002")),
    "ACM-2001": ("SPROCKET STEEL 40MM", with_check("87654310003")),
    "ACM-3005": ("GASKET KIT 25PC", with_check("87654310004")),
}


def upc(sku):
    return ITEMS[sku][1]


def gtin13(sku):
    return "0" + ITEMS[sku][1]


def sscc(serial: int) -> str:
    # extension digit 0, GS1 company prefix 0876543, 9-digit serial reference
    return with_check("0" + "0876543" + f"{serial:09d}")


# ---------------------------------------------------------------- X12

ISA_IDS = {
    "ACME": ("ZZ", "ACMESUPPLY"),
    "GLOBEX": ("01", "804512378"),
    "WAYNE": ("ZZ", "WAYNEENTRPRS"),  # not a partner of ours (broken sample)
}


def isa(sender, receiver, date6, time4, control, version="00401", repetition="U", usage="P"):
    sq, sid = ISA_IDS[sender]
    rq, rid = ISA_IDS[receiver]
    return ["ISA", "00", " " * 10, "00", " " * 10, sq, sid.ljust(15), rq, rid.ljust(15),
            date6, time4, repetition, version, f"{control:09d}", "0", usage, ">"]


def x12_interchange(sender, receiver, date8, time4, isa_control, groups, version="00401",
                    repetition="U", se_count_delta=0):
    """groups: list of (functional id, gs control, gs version, [transactions]);
    a transaction is a list of segments (lists) from ST to just before SE."""
    segs = [isa(sender, receiver, date8[2:], time4, isa_control, version, repetition)]
    gs_ids = {"ACME": ISA_IDS["ACME"][1], "GLOBEX": ISA_IDS["GLOBEX"][1], "WAYNE": ISA_IDS["WAYNE"][1]}
    for fid, gs_control, gs_version, transactions in groups:
        segs.append(["GS", fid, gs_ids[sender], gs_ids[receiver], date8, time4, str(gs_control), "X", gs_version])
        for body in transactions:
            st_control = body[0][2]
            segs.extend(body)
            segs.append(["SE", str(len(body) + 1 + se_count_delta), st_control])
        segs.append(["GE", str(len(transactions)), str(gs_control)])
    segs.append(["IEA", str(len(groups)), f"{isa_control:09d}"])
    return segs


def x12_bytes(segs, element="*", component=">", terminator="~", newline="\n"):
    out = []
    for seg in segs:
        out.append(element.join(seg) + terminator + newline)
    return "".join(out).encode("ascii")


def po_850(st_control, po, po_type, po_date, ship_date, cancel_date, ship_to, lines, extra_header=()):
    """An 850 body; ship_to = (name, code, street, city, state, zip)."""
    name, code, street, city, state, zipc = ship_to
    segs = [
        ["ST", "850", st_control],
        ["BEG", "00", po_type, po, "", po_date],
        ["CUR", "BY", "USD"],
        ["REF", "DP", "042"],
        ["REF", "IA", "77341"],
        ["PER", "BD", "JANE DOE", "TE", "6145550142"],
        ["ITD", "01", "3", "2", "", "10", "", "30"],
        ["DTM", "002", ship_date],
        ["DTM", "001", cancel_date],
        *extra_header,
        ["N1", "ST", name, "92", code],
        ["N3", street],
        ["N4", city, state, zipc, "US"],
        ["N1", "BT", "GLOBEX RETAIL INC", "92", "0001"],
        ["N3", "100 MAIN ST"],
        ["N4", "CINCINNATI", "OH", "45202", "US"],
    ]
    qty_total = 0
    for n, (sku, qty, price) in enumerate(lines, 1):
        segs.append(["PO1", str(n), str(qty), "EA", price, "PE", "UP", upc(sku), "VN", sku])
        segs.append(["PID", "F", "", "", "", ITEMS[sku][0]])
        qty_total += qty
    segs.append(["CTT", str(len(lines)), str(qty_total)])
    return segs


PO1_LINES = [("ACM-1001", 48, "12.5"), ("ACM-1002", 24, "12.5"), ("ACM-2001", 10, "35")]  # 1250.00
PO2_LINES = [("ACM-2001", 20, "35"), ("ACM-3005", 36, "8.75"), ("ACM-1001", 24, "12.5")]  # 1315.00
DC042 = ("GLOBEX DC 042", "042", "4800 COMMERCE PKWY", "COLUMBUS", "OH", "43219")
DC057 = ("GLOBEX DC 057", "057", "2250 LOGISTICS DR", "LOUISVILLE", "KY", "40218")


def globex_850_004010(**kw):
    t1 = po_850("0001", "4500012345", "SA", "20261123", "20261204", "20261211", DC042, PO1_LINES)
    t2 = po_850("0002", "4500012346", "NE", "20261123", "20261207", "20261214", DC057, PO2_LINES)
    return x12_interchange("GLOBEX", "ACME", "20261123", "0815", 101, [("PO", 101, "004010", [t1, t2])], **kw)


def globex_850_005010():
    t = po_850("0001", "4500012400", "SA", "20261125", "20261209", "20261216", DC042,
               [("ACM-1001", 96, "12.5"), ("ACM-3005", 24, "8.75")])
    return x12_interchange("GLOBEX", "ACME", "20261125", "1402", 104, [("PO", 104, "005010", [t])],
                           version="00501", repetition="^")


def globex_820():
    t = [
        ["ST", "820", "0001"],
        ["BPR", "C", "2400", "C", "ACH", "CCP", "01", "041000124", "DA", "3345678901", "1804512378", "",
         "01", "044000037", "DA", "9988776655", "20261201"],
        ["TRN", "1", "0041338765", "1804512378"],
        ["CUR", "PR", "USD"],
        ["DTM", "097", "20261130"],
        ["N1", "PR", "GLOBEX RETAIL INC", "92", "0001"],
        ["N1", "PE", "ACME SUPPLY CO", "92", "77341"],
        ["ENT", "1"],
        ["RMR", "IV", "ACM-INV-100017", "", "1225", "1250", "25"],
        ["REF", "PO", "4500012345"],
        ["DTM", "003", "20261202"],
        ["RMR", "IV", "ACM-INV-100018", "", "1175", "1175"],
        ["REF", "PO", "4500012301"],
        ["DTM", "003", "20261118"],
    ]
    return x12_interchange("GLOBEX", "ACME", "20261130", "1705", 109, [("RA", 109, "004010", [t])])


def globex_997():
    # Accepts the invoice a fresh demo ledger sends Globex (edikit demo: outbound/globex/3-invoice… is
    # Globex's third interchange, so ISA13 000000003, GS06 3, ST02 0003), so that the demo matches it.
    t = [
        ["ST", "997", "0001"],
        ["AK1", "IN", "3"],
        ["AK2", "810", "0003"],
        ["AK5", "A"],
        ["AK9", "A", "1", "1", "1"],
    ]
    return x12_interchange("GLOBEX", "ACME", "20261202", "1811", 112, [("FA", 112, "004010", [t])])


def acme_855():
    t = [
        ["ST", "855", "0001"],
        ["BAK", "00", "AD", "4500012345", "20261123", "", "", "", "SO-88812", "20261124"],
        ["REF", "IA", "77341"],
        ["N1", "ST", "GLOBEX DC 042", "92", "042"],
    ]
    for n, (sku, qty, price) in enumerate(PO1_LINES, 1):
        t.append(["PO1", str(n), str(qty), "EA", price, "PE", "UP", upc(sku), "VN", sku])
        t.append(["PID", "F", "", "", "", ITEMS[sku][0]])
        t.append(["ACK", "IA", str(qty), "EA", "068", "20261202"])
    t.append(["CTT", str(len(PO1_LINES)), str(sum(q for _, q, _ in PO1_LINES))])
    return x12_interchange("ACME", "GLOBEX", "20261124", "0900", 5015, [("PR", 5015, "004010", [t])])


def acme_856():
    t = [
        ["ST", "856", "0001"],
        ["BSN", "00", "SHP-26-004417", "20261202", "1430", "0001"],
        ["DTM", "011", "20261202", "1430"],
        ["DTM", "017", "20261204"],
        ["HL", "1", "", "S"],
        ["TD1", "CTN25", "2", "", "", "", "G", "185.4", "LB"],
        ["TD5", "B", "2", "UPSN", "M", "UPS GROUND"],
        ["REF", "BM", "ACM-BOL-0044170"],
        ["N1", "ST", "GLOBEX DC 042", "92", "042"],
        ["N3", "4800 COMMERCE PKWY"],
        ["N4", "COLUMBUS", "OH", "43219", "US"],
        ["N1", "SF", "ACME SUPPLY CO"],
        ["N3", "1200 INDUSTRIAL WAY"],
        ["N4", "DAYTON", "OH", "45402", "US"],
        ["HL", "2", "1", "O"],
        ["PRF", "4500012345", "", "", "20261123"],
        ["HL", "3", "2", "P"],
        ["MAN", "GM", "00" + sscc(101)],
        ["HL", "4", "3", "I"],
        ["LIN", "", "UP", upc("ACM-1001"), "VN", "ACM-1001"],
        ["SN1", "", "48", "EA"],
        ["HL", "5", "2", "P"],
        ["MAN", "GM", "00" + sscc(102)],
        ["HL", "6", "5", "I"],
        ["LIN", "", "UP", upc("ACM-1002"), "VN", "ACM-1002"],
        ["SN1", "", "24", "EA"],
        ["HL", "7", "5", "I"],
        ["LIN", "", "UP", upc("ACM-2001"), "VN", "ACM-2001"],
        ["SN1", "", "10", "EA"],
        ["CTT", "7"],
    ]
    return x12_interchange("ACME", "GLOBEX", "20261202", "1435", 5016, [("SH", 5016, "004010", [t])])


def acme_810():
    t = [
        ["ST", "810", "0001"],
        ["BIG", "20261202", "ACM-INV-100017", "20261123", "4500012345"],
        ["CUR", "SE", "USD"],
        ["REF", "IA", "77341"],
        ["N1", "BT", "GLOBEX RETAIL INC", "92", "0001"],
        ["N3", "100 MAIN ST"],
        ["N4", "CINCINNATI", "OH", "45202", "US"],
        ["N1", "ST", "GLOBEX DC 042", "92", "042"],
        ["N1", "RI", "ACME SUPPLY CO"],
        ["N3", "PO BOX 7730"],
        ["N4", "DAYTON", "OH", "45401", "US"],
        ["ITD", "01", "3", "2", "", "10", "", "30"],
        ["DTM", "011", "20261202"],
    ]
    for n, (sku, qty, price) in enumerate(PO1_LINES, 1):
        t.append(["IT1", str(n), str(qty), "EA", price, "", "UP", upc(sku), "VN", sku])
        t.append(["PID", "F", "", "", "", ITEMS[sku][0]])
    t.append(["TDS", "125000"])
    t.append(["CTT", str(len(PO1_LINES))])
    return x12_interchange("ACME", "GLOBEX", "20261202", "1500", 5017, [("IN", 5017, "004010", [t])])


# ---------------------------------------------------------------- EDIFACT

def una_unb(sender_gln, receiver_gln, date6, time4, ref, syntax="UNOC:3", app_ref=None, ack_request=False):
    segs = []
    unb = ["UNB", syntax, f"{sender_gln}:14", f"{receiver_gln}:14", f"{date6}:{time4}", ref]
    if app_ref:
        unb += ["", app_ref]
    if ack_request:
        unb += ["", "1"]   # UNB 0031: acknowledgement (CONTRL) requested
    segs.append(unb)
    return segs


def edifact_interchange(sender_gln, receiver_gln, date6, time4, ref, messages, app_ref=None, ack_request=False):
    """messages: list of (reference, [segments from UNH to just before UNT])."""
    segs = una_unb(sender_gln, receiver_gln, date6, time4, ref, app_ref=app_ref, ack_request=ack_request)
    for msg_ref, body in messages:
        segs.extend(body)
        segs.append(["UNT", str(len(body) + 1), msg_ref])
    segs.append(["UNZ", str(len(messages)), ref])
    return segs


def edifact_bytes(segs, una=True, newline="\n"):
    out = ["UNA:+.? '" + newline] if una else []
    for seg in segs:
        out.append("+".join(seg) + "'" + newline)
    return "".join(out).encode("ascii")


def orders_d96a_message(ref, po, date, delivery, dp_gln, lines):
    body = [
        ["UNH", ref, "ORDERS:D:96A:UN:EAN008"],
        ["BGM", "220", po, "9"],
        ["DTM", f"137:{date}:102"],
        ["DTM", f"2:{delivery}:102"],
        ["NAD", "BY", f"{INITECH_GLN}::9"],
        ["NAD", "SU", f"{ACME_GLN}::9"],
        ["NAD", "DP", f"{dp_gln}::9"],
        ["CUX", "2:EUR:9"],
    ]
    for n, (sku, qty, price) in enumerate(lines, 1):
        body.append(["LIN", str(n), "", f"{gtin13(sku)}:EN"])
        body.append(["QTY", f"21:{qty}"])
        body.append(["PRI", f"AAA:{price}"])
    body.append(["UNS", "S"])
    body.append(["CNT", f"2:{len(lines)}"])
    return ref, body


INITECH_PO1 = [("ACM-1001", 120, "11.40"), ("ACM-1002", 60, "11.40"), ("ACM-3005", 48, "7.95")]   # 2432.40
INITECH_PO2 = [("ACM-2001", 30, "31.90"), ("ACM-3005", 24, "7.95"), ("ACM-1002", 36, "11.40")]


def initech_orders_d96a():
    m1 = orders_d96a_message("1", "PO-2026-0481", "20261124", "20261208", INITECH_DP_STUTTGART, INITECH_PO1)
    m2 = orders_d96a_message("2", "PO-2026-0482", "20261124", "20261210", INITECH_DP_LEIPZIG, INITECH_PO2)
    return edifact_interchange(INITECH_GLN, ACME_GLN, "261124", "0930", "INI0000481", [m1, m2], app_ref="ORDERS")


def initech_orders_d01b():
    body = [
        ["UNH", "1", "ORDERS:D:01B:UN:EAN010"],
        ["BGM", "220", "PO-2026-0495", "9"],
        ["DTM", "137:20261126:102"],
        ["DTM", "2:20261211:102"],
        ["FTX", "DEL", "", "", "DELIVERY GATE 4 ONLY MON-FRI 06-14"],
        ["RFF", "CT:RV-2026-ACME-01"],
        ["NAD", "BY", f"{INITECH_GLN}::9", "", "INITECH GMBH", "INDUSTRIESTR. 12", "STUTTGART", "", "70565", "DE"],
        ["CTA", "PD", ":M. BOLTON"],
        ["COM", "00497115550190:TE"],
        ["NAD", "SU", f"{ACME_GLN}::9"],
        ["NAD", "DP", f"{INITECH_DP_STUTTGART}::9"],
        ["CUX", "2:EUR:9"],
    ]
    lines = [("ACM-2001", 40, "31.90"), ("ACM-1001", 240, "11.40")]
    for n, (sku, qty, price) in enumerate(lines, 1):
        body.append(["LIN", str(n), "", f"{gtin13(sku)}:EN"])
        body.append(["PIA", "1", f"{sku}:SA"])
        body.append(["IMD", "F", "", f":::{ITEMS[sku][0]}"])
        body.append(["QTY", f"21:{qty}"])
        body.append(["PRI", f"AAA:{price}"])
    body.append(["UNS", "S"])
    body.append(["CNT", f"2:{len(lines)}"])
    return edifact_interchange(INITECH_GLN, ACME_GLN, "261126", "1045", "INI0000495", [("1", body)])


def cents(value: str) -> int:
    whole, _, frac = value.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def money(c: int) -> str:
    return f"{c // 100}.{c % 100:02d}"


def invoic_total_cents():
    return sum(qty * cents(price) for _, qty, price in INITECH_PO1)


def initech_remadv():
    inv17 = invoic_total_cents()                 # our INVOIC 91000017 (edi-outbound-examples)
    discount = (inv17 * 2 + 50) // 100           # 2 % prompt-payment discount, rounded to the cent
    paid17 = inv17 - discount
    inv11 = cents("1116.25")                     # an earlier invoice, paid in full
    body = [
        ["UNH", "1", "REMADV:D:96A:UN"],
        ["BGM", "481", "RA-2026-1130", "9"],
        ["DTM", "137:20261210:102"],
        ["DTM", "209:20261211:102"],
        ["NAD", "PR", f"{INITECH_GLN}::9"],
        ["NAD", "PE", f"{ACME_GLN}::9"],
        ["CUX", "2:EUR:11"],
        ["DOC", "380", "91000017"],
        ["MOA", f"9:{money(inv17)}"],
        ["MOA", f"52:{money(discount)}"],
        ["MOA", f"12:{money(paid17)}"],
        ["DTM", "137:20261209:102"],
        ["RFF", "ON:PO-2026-0481"],
        ["DOC", "380", "91000011"],
        ["MOA", f"9:{money(inv11)}"],
        ["MOA", f"12:{money(inv11)}"],
        ["DTM", "137:20261113:102"],
        ["UNS", "S"],
        ["MOA", f"12:{money(paid17 + inv11)}"],
    ]
    return edifact_interchange(INITECH_GLN, ACME_GLN, "261210", "1600", "INI0000530", [("1", body)])


def initech_contrl():
    body = [
        ["UNH", "1", "CONTRL:D:3:UN"],
        # The INVOIC a fresh demo ledger sends Initech (outbound/initech/3-invoice…: UNB 0020 3, UNH 0062 3).
        ["UCI", "3", f"{ACME_GLN}:14", f"{INITECH_GLN}:14", "7"],
        ["UCM", "3", "INVOIC:D:96A:UN:EAN008", "7"],
    ]
    return edifact_interchange(INITECH_GLN, ACME_GLN, "261209", "0805", "INI0000502", [("1", body)])


def acme_ordrsp():
    body = [
        ["UNH", "1", "ORDRSP:D:96A:UN"],
        ["BGM", "231", "OR-2026-0481", "29"],
        ["DTM", "137:20261124:102"],
        ["RFF", "ON:PO-2026-0481"],
        ["DTM", "171:20261124:102"],
        ["NAD", "BY", f"{INITECH_GLN}::9"],
        ["NAD", "SU", f"{ACME_GLN}::9"],
    ]
    for n, (sku, qty, price) in enumerate(INITECH_PO1, 1):
        body.append(["LIN", str(n), "5", f"{gtin13(sku)}:EN"])
        body.append(["QTY", f"21:{qty}"])
        body.append(["DTM", "2:20261208:102"])
        body.append(["PRI", f"AAA:{price}"])
    body.append(["UNS", "S"])
    body.append(["CNT", f"2:{len(INITECH_PO1)}"])
    return edifact_interchange(ACME_GLN, INITECH_GLN, "261124", "1130", "ACM0000201", [("1", body)])


def acme_desadv():
    body = [
        ["UNH", "1", "DESADV:D:96A:UN"],
        ["BGM", "351", "DES-2026-7710", "9"],
        ["DTM", "137:20261205:102"],
        ["DTM", "11:20261205:102"],
        ["DTM", "17:20261208:102"],
        ["RFF", "ON:PO-2026-0481"],
        ["NAD", "BY", f"{INITECH_GLN}::9"],
        ["NAD", "SU", f"{ACME_GLN}::9"],
        ["NAD", "DP", f"{INITECH_DP_STUTTGART}::9"],
        ["CPS", "1"],
        ["PAC", "2", "", "PX"],
        ["CPS", "2", "1"],
        ["PAC", "1", "", "PX"],
        ["PCI", "24"],
        ["GIN", "BJ", sscc(201)],
        ["LIN", "1", "", f"{gtin13('ACM-1001')}:EN"],
        ["QTY", "12:120"],
        ["LIN", "2", "", f"{gtin13('ACM-1002')}:EN"],
        ["QTY", "12:60"],
        ["CPS", "3", "1"],
        ["PAC", "1", "", "PX"],
        ["PCI", "24"],
        ["GIN", "BJ", sscc(202)],
        ["LIN", "3", "", f"{gtin13('ACM-3005')}:EN"],
        ["QTY", "12:48"],
        ["CNT", "2:3"],
    ]
    return edifact_interchange(ACME_GLN, INITECH_GLN, "261205", "1610", "ACM0000209", [("1", body)])


def acme_invoic():
    body = [
        ["UNH", "1", "INVOIC:D:96A:UN:EAN008"],
        ["BGM", "380", "91000017", "9"],
        ["DTM", "137:20261209:102"],
        ["DTM", "35:20261208:102"],
        ["RFF", "ON:PO-2026-0481"],
        ["RFF", "AAK:DES-2026-7710"],
        ["NAD", "SU", f"{ACME_GLN}::9", "", "ACME SUPPLY CO", "1200 INDUSTRIAL WAY", "DAYTON", "OH", "45402", "US"],
        ["NAD", "BY", f"{INITECH_GLN}::9"],
        ["NAD", "IV", f"{INITECH_GLN}::9"],
        ["NAD", "DP", f"{INITECH_DP_STUTTGART}::9"],
        ["CUX", "2:EUR:4"],
        ["PAT", "1", "", "5:3:D:30"],
        ["DTM", "13:20270108:102"],
        ["PCD", "12:2"],
    ]
    total = 0
    for n, (sku, qty, price) in enumerate(INITECH_PO1, 1):
        amount = qty * cents(price)
        total += amount
        body.append(["LIN", str(n), "", f"{gtin13(sku)}:EN"])
        body.append(["QTY", f"47:{qty}"])
        body.append(["MOA", f"203:{money(amount)}"])
        body.append(["PRI", f"AAA:{price}"])
    body.append(["UNS", "S"])
    body.append(["CNT", f"2:{len(INITECH_PO1)}"])
    body.append(["MOA", f"79:{money(total)}"])
    body.append(["MOA", f"77:{money(total)}"])
    return edifact_interchange(ACME_GLN, INITECH_GLN, "261209", "0700", "ACM0000217", [("1", body)],
                               app_ref="INVOIC", ack_request=True)


# ---------------------------------------------------------------- broken samples

def broken_unknown_partner():
    t = po_850("0001", "7700031", "SA", "20261126", "20261207", "20261214",
               ("WAYNE DC 1", "001", "1007 MOUNTAIN DR", "GOTHAM", "NJ", "07001"), [("ACM-1001", 12, "12.5")])
    return x12_interchange("WAYNE", "ACME", "20261126", "1012", 7001, [("PO", 7001, "004010", [t])])


def broken_wrong_se_count():
    t = po_850("0001", "4500012377", "SA", "20261126", "20261207", "20261214", DC042, [("ACM-1002", 36, "12.5")])
    return x12_interchange("GLOBEX", "ACME", "20261126", "1300", 106, [("PO", 106, "004010", [t])], se_count_delta=2)


def broken_missing_beg():
    t = po_850("0001", "4500012378", "SA", "20261126", "20261207", "20261214", DC042, [("ACM-2001", 5, "35")])
    t = [seg for seg in t if seg[0] != "BEG"]
    return x12_interchange("GLOBEX", "ACME", "20261126", "1310", 107, [("PO", 107, "004010", [t])])


# file, syntax, version, document, partner, direction, status, defect (machine-readable index for tests)
INDEX = [
    ("inbox/globex-850-004010-two-pos.edi", "x12", "004010", "850", "globex", "inbound", "valid", ""),
    ("inbox/globex-850-005010.edi", "x12", "005010", "850", "globex", "inbound", "valid", ""),
    ("inbox/globex-820-004010-remittance.edi", "x12", "004010", "820", "globex", "inbound", "valid", ""),
    ("inbox/globex-997-004010-ack-for-invoice.edi", "x12", "004010", "997", "globex", "inbound", "valid", ""),
    ("inbox/initech-ORDERS-D96A-two-messages.edi", "edifact", "D96A", "ORDERS", "initech", "inbound", "valid", ""),
    ("inbox/initech-ORDERS-D01B.edi", "edifact", "D01B", "ORDERS", "initech", "inbound", "valid", ""),
    ("inbox/initech-REMADV-D96A.edi", "edifact", "D96A", "REMADV", "initech", "inbound", "valid", ""),
    ("inbox/initech-CONTRL-for-invoice.edi", "edifact", "3", "CONTRL", "initech", "inbound", "valid", ""),
    ("edi-outbound-examples/acme-855-004010-to-globex.edi", "x12", "004010", "855", "globex", "outbound", "valid", ""),
    ("edi-outbound-examples/acme-856-004010-to-globex.edi", "x12", "004010", "856", "globex", "outbound", "valid", ""),
    ("edi-outbound-examples/acme-810-004010-to-globex.edi", "x12", "004010", "810", "globex", "outbound", "valid", ""),
    ("edi-outbound-examples/acme-ORDRSP-D96A-to-initech.edi", "edifact", "D96A", "ORDRSP", "initech", "outbound", "valid", ""),
    ("edi-outbound-examples/acme-DESADV-D96A-to-initech.edi", "edifact", "D96A", "DESADV", "initech", "outbound", "valid", ""),
    ("edi-outbound-examples/acme-INVOIC-D96A-to-initech.edi", "edifact", "D96A", "INVOIC", "initech", "outbound", "valid", ""),
    ("broken/850-unknown-partner-id.edi", "x12", "004010", "850", "", "inbound", "broken",
     "unknown partner: ISA sender ZZ/WAYNEENTRPRS"),
    ("broken/850-wrong-se-segment-count.edi", "x12", "004010", "850", "globex", "inbound", "broken",
     "SE01 is 21, the transaction set has 19 segments (segment 19, SE)"),
    ("broken/850-missing-mandatory-beg.edi", "x12", "004010", "850", "globex", "inbound", "broken",
     "mandatory segment BEG missing (the segment after ST)"),
    ("broken/ORDERS-D96A-truncated-mid-segment.edi", "edifact", "D96A", "ORDERS", "initech", "inbound", "broken",
     "file ends inside segment 12 (LIN, the second line) of message 1, without terminator, UNT and UNZ"),
    # The ERP's internal documents to send (hand-made JSON, not written by this script): syntax, version and
    # document are those of the EDI each becomes for its partner with Samples/edikit.yaml.
    ("outbound/globex/1-order-acknowledgement-4500012345.json", "x12", "004010", "855", "globex", "outbound", "valid", ""),
    ("outbound/globex/2-ship-notice-SHP-26-004417.json", "x12", "004010", "856", "globex", "outbound", "valid", ""),
    ("outbound/globex/3-invoice-ACM-INV-100017.json", "x12", "004010", "810", "globex", "outbound", "valid", ""),
    ("outbound/initech/1-order-acknowledgement-PO-2026-0481.json", "edifact", "D96A", "ORDRSP", "initech", "outbound", "valid", ""),
    ("outbound/initech/2-ship-notice-DES-2026-7710.json", "edifact", "D96A", "DESADV", "initech", "outbound", "valid", ""),
    ("outbound/initech/3-invoice-91000017.json", "edifact", "D96A", "INVOIC", "initech", "outbound", "valid", ""),
    ("broken-outbound/globex/invoice-ACM-INV-100019-without-date.json", "x12", "004010", "810", "globex", "outbound", "broken",
     "no invoice date: the 810 would lack the mandatory BIG01, so the generator refuses it"),
]


def write_index():
    lines = ["file\tsyntax\tversion\tdocument\tpartner\tdirection\tstatus\tdefect\n"]
    lines += ["\t".join(row) + "\n" for row in INDEX]
    write("samples.tsv", "".join(lines).encode("utf-8"))


def write(rel, data: bytes):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main():
    write("inbox/globex-850-004010-two-pos.edi", x12_bytes(globex_850_004010()))
    write("inbox/globex-850-005010.edi", x12_bytes(globex_850_005010()))
    write("inbox/globex-820-004010-remittance.edi", x12_bytes(globex_820()))
    write("inbox/globex-997-004010-ack-for-invoice.edi", x12_bytes(globex_997()))
    write("inbox/initech-ORDERS-D96A-two-messages.edi", edifact_bytes(initech_orders_d96a()))
    write("inbox/initech-ORDERS-D01B.edi", edifact_bytes(initech_orders_d01b()))
    write("inbox/initech-REMADV-D96A.edi", edifact_bytes(initech_remadv()))
    write("inbox/initech-CONTRL-for-invoice.edi", edifact_bytes(initech_contrl()))

    write("edi-outbound-examples/acme-855-004010-to-globex.edi", x12_bytes(acme_855()))
    write("edi-outbound-examples/acme-856-004010-to-globex.edi", x12_bytes(acme_856()))
    write("edi-outbound-examples/acme-810-004010-to-globex.edi", x12_bytes(acme_810()))
    write("edi-outbound-examples/acme-ORDRSP-D96A-to-initech.edi", edifact_bytes(acme_ordrsp()))
    write("edi-outbound-examples/acme-DESADV-D96A-to-initech.edi", edifact_bytes(acme_desadv()))
    write("edi-outbound-examples/acme-INVOIC-D96A-to-initech.edi", edifact_bytes(acme_invoic()))

    write("broken/850-unknown-partner-id.edi", x12_bytes(broken_unknown_partner()))
    write("broken/850-wrong-se-segment-count.edi", x12_bytes(broken_wrong_se_count()))
    write("broken/850-missing-mandatory-beg.edi", x12_bytes(broken_missing_beg()))
    whole = edifact_bytes(initech_orders_d96a())
    cut = whole.index(b"LIN+2++") + len(b"LIN+2++08765")   # inside the second line's LIN segment
    write("broken/ORDERS-D96A-truncated-mid-segment.edi", whole[:cut])
    write_index()


if __name__ == "__main__":
    main()
