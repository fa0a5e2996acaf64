#!/usr/bin/env python3
"""Writes the JSON Schemas (draft 2020-12) of the five internal documents.

The model below mirrors the Codable types in Sources/O2C/Documents: a property without `?` is
required (Swift encodes every non-optional property, empty arrays included); `additionalProperties`
is false so a field added in Swift without a schema change fails Tests/O2CTests/SchemaConformanceTests.
Run: python3 docs/schemas/make_schemas.py
"""
import json, os

DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$",
        "description": "ISO 8601 date (YYYY-MM-DD), with THH:MM[:SS] when a time is known"}
DEC = {"type": "number", "description": "decimal (never binary floating point in EDIKit)"}
STR = {"type": "string"}
INT = {"type": "integer"}
BOOL = {"type": "boolean"}

def ref(name): return {"$ref": f"#/$defs/{name}"}
def arr(item): return {"type": "array", "items": item}
def enum(*values): return {"type": "string", "enum": list(values)}

# name -> (description, [(property, schema, required)])
def obj(description, *props):
    return (description, props)

DEFS = {
    "Reference": obj("A reference number with its qualifier as sent (X12 REF, EDIFACT RFF).",
        ("qualifier", STR, True), ("value", STR, True), ("description", STR, False), ("date", DATE, False)),
    "QualifiedDate": obj("A date with its qualifier as sent (X12 DTM01, EDIFACT 2005).",
        ("qualifier", STR, True), ("date", DATE, True)),
    "Note": obj("Free text (X12 MSG/NTE, EDIFACT FTX).", ("qualifier", STR, False), ("text", STR, True)),
    "ItemIdentifier": obj("An item identifier (X12 235/234, EDIFACT 7143/7140).",
        ("scheme", enum("gtin", "upc", "ean", "buyerPartNumber", "vendorPartNumber", "sku", "other"), True),
        ("qualifier", STR, False), ("value", STR, True)),
    "UnitOfMeasure": obj("A unit as sent and as UN/ECE Recommendation 20 code.",
        ("asSent", STR, True), ("normalized", STR, True)),
    "Quantity": obj("A decimal quantity and its unit.", ("value", DEC, True), ("unit", ref("UnitOfMeasure"), False)),
    "UnitPrice": obj("A unit price and its basis.", ("value", DEC, True), ("basis", STR, False), ("per", ref("Quantity"), False)),
    "AllowanceCharge": obj("An allowance or a charge (X12 SAC, EDIFACT ALC).",
        ("kind", enum("allowance", "charge"), True), ("code", STR, False), ("description", STR, False),
        ("amount", DEC, False), ("percent", DEC, False), ("percentQualifier", STR, False), ("basisAmount", DEC, False), ("rate", DEC, False),
        ("quantity", ref("Quantity"), False)),
    "Tax": obj("A tax (X12 TXI, EDIFACT TAX).", ("type", STR, False), ("percent", DEC, False), ("amount", DEC, False),
        ("taxableAmount", DEC, False), ("category", STR, False), ("jurisdiction", STR, False)),
    "PaymentTerms": obj("Terms of payment (X12 ITD, EDIFACT PAT).", ("type", STR, False), ("basisDateCode", STR, False),
        ("discountPercent", DEC, False), ("discountDays", INT, False), ("discountDueDate", DATE, False),
        ("discountAmount", DEC, False), ("netDays", INT, False), ("netDueDate", DATE, False), ("description", STR, False)),
    "Carrier": obj("Carrier and routing (X12 TD5, EDIFACT TDT).", ("scac", STR, False), ("name", STR, False),
        ("transportMethod", STR, False), ("routing", STR, False), ("routingSequence", STR, False), ("serviceLevel", STR, False),
        ("trackingNumber", STR, False), ("deliveryTerms", STR, False), ("instructions", arr(STR), True)),
    "Measurement": obj("A weight or volume.", ("qualifier", STR, False), ("value", DEC, True), ("unit", ref("UnitOfMeasure"), False)),
    "PartyIdentifier": obj("A party identifier with its scheme and qualifier as sent.",
        ("scheme", enum("gln", "duns", "dunsPlus4", "assignedByBuyer", "assignedBySeller", "mutuallyDefined", "other"), True),
        ("qualifier", STR, False), ("value", STR, True)),
    "Address": obj("A postal address.", ("lines", arr(STR), True), ("city", STR, False), ("region", STR, False),
        ("postalCode", STR, False), ("country", STR, False)),
    "Contact": obj("A contact (X12 PER, EDIFACT CTA/COM).", ("function", STR, False), ("name", STR, False),
        ("phone", STR, False), ("email", STR, False), ("fax", STR, False)),
    "Party": obj("A party by role (X12 N1 loop, EDIFACT NAD group).",
        ("role", {"type": "string", "pattern": "^(buyer|seller|shipTo|billTo|remitTo|shipFrom|supplier|payer|payee|other:.*)$"}, True),
        ("roleCode", STR, False), ("name", STR, False), ("identifiers", arr(ref("PartyIdentifier")), True),
        ("address", ref("Address"), False), ("contacts", arr(ref("Contact")), True), ("references", arr(ref("Reference")), True)),
    "EnvelopePartyID": obj("An interchange party id with its qualifier.", ("qualifier", STR, False), ("id", STR, True)),
    "DocumentEnvelope": obj("Where the document came from: interchange, group, transaction, file.",
        ("syntax", enum("x12", "edifact"), True), ("version", STR, True), ("transactionType", STR, True),
        ("sender", ref("EnvelopePartyID"), True), ("receiver", ref("EnvelopePartyID"), True),
        ("applicationSender", STR, False), ("applicationReceiver", STR, False),
        ("interchangeControlNumber", STR, True), ("groupControlNumber", STR, False),
        ("transactionControlNumber", STR, True), ("interchangeDateTime", STR, False), ("isTest", BOOL, True),
        ("implementationReference", STR, False), ("sourceFile", STR, False), ("receivedAt", STR, False)),
    # Purchase order
    "PurchaseOrderLine": obj("One order line (X12 PO1 loop, EDIFACT LIN group).",
        ("lineNumber", STR, True), ("items", arr(ref("ItemIdentifier")), True), ("description", STR, False),
        ("quantity", ref("Quantity"), True), ("unitPrice", ref("UnitPrice"), False), ("amount", DEC, False),
        ("requestedDelivery", DATE, False), ("otherDates", arr(ref("QualifiedDate")), True),
        ("parties", arr(ref("Party")), True), ("references", arr(ref("Reference")), True),
        ("allowancesCharges", arr(ref("AllowanceCharge")), True), ("taxes", arr(ref("Tax")), True),
        ("notes", arr(ref("Note")), True)),
    "PurchaseOrderTotals": obj("Control totals (X12 CTT/AMT, EDIFACT CNT/MOA).", ("lineCount", INT, False),
        ("quantityTotal", DEC, False), ("amount", DEC, False)),
    # Acknowledgement
    "ScheduledQuantity": obj("A committed quantity and date.", ("quantity", ref("Quantity"), True), ("date", DATE, False),
        ("dateQualifier", STR, False), ("statusCode", STR, False)),
    "OrderAcknowledgementLine": obj("One acknowledged line.", ("lineNumber", STR, True), ("items", arr(ref("ItemIdentifier")), True),
        ("description", STR, False), ("orderedQuantity", ref("Quantity"), False), ("unitPrice", ref("UnitPrice"), False),
        ("status", ref("AcknowledgementStatus"), True), ("statusCode", STR, False),
        ("schedules", arr(ref("ScheduledQuantity")), True), ("references", arr(ref("Reference")), True),
        ("notes", arr(ref("Note")), True)),
    # Ship notice
    "ShippedItem": obj("An item shipped.", ("lineNumber", STR, False), ("purchaseOrderLineNumber", STR, False),
        ("items", arr(ref("ItemIdentifier")), True), ("description", STR, False), ("quantityShipped", ref("Quantity"), True),
        ("quantityOrdered", ref("Quantity"), False), ("lotNumber", STR, False), ("references", arr(ref("Reference")), True)),
    "Pack": obj("A pack, carton, pallet or tare, possibly holding other packs.", ("sscc", STR, False),
        ("marks", arr(ref("Reference")), True), ("packagingCode", STR, False), ("levelCode", STR, False),
        ("measurements", arr(ref("Measurement")), True), ("packs", arr(ref("Pack")), True),
        ("items", arr(ref("ShippedItem")), True)),
    "ShippedOrder": obj("An order within a shipment.", ("purchaseOrderNumber", STR, False), ("purchaseOrderDate", DATE, False),
        ("references", arr(ref("Reference")), True), ("parties", arr(ref("Party")), True),
        ("packs", arr(ref("Pack")), True), ("items", arr(ref("ShippedItem")), True)),
    # Invoice
    "InvoiceLine": obj("One invoice line (X12 IT1 loop, EDIFACT LIN group).", ("lineNumber", STR, True),
        ("purchaseOrderLineNumber", STR, False), ("items", arr(ref("ItemIdentifier")), True), ("description", STR, False),
        ("quantity", ref("Quantity"), True), ("unitPrice", ref("UnitPrice"), False), ("amount", DEC, False),
        ("allowancesCharges", arr(ref("AllowanceCharge")), True), ("taxes", arr(ref("Tax")), True),
        ("references", arr(ref("Reference")), True), ("notes", arr(ref("Note")), True)),
    "InvoiceTotals": obj("Invoice totals.", ("lineCount", INT, False), ("lineItemsAmount", DEC, False),
        ("totalAmount", DEC, False), ("amountSubjectToDiscount", DEC, False), ("discountedAmount", DEC, False),
        ("taxableAmount", DEC, False), ("taxAmount", DEC, False), ("allowancesChargesAmount", DEC, False)),
    # Remittance
    "BankAccount": obj("A bank account.", ("bankIdQualifier", STR, False), ("bankId", STR, False),
        ("accountQualifier", STR, False), ("accountNumber", STR, False)),
    "Payment": obj("The payment (X12 BPR/TRN, EDIFACT PAI/MOA/DTM).",
        ("method", enum("ach", "check", "wire", "creditTransfer", "debitTransfer", "cash", "other"), False),
        ("methodCode", STR, False), ("formatCode", STR, False), ("amount", DEC, True), ("creditDebit", STR, False),
        ("date", DATE, False), ("traceNumber", STR, False), ("originatorId", STR, False),
        ("payerAccount", ref("BankAccount"), False), ("payeeAccount", ref("BankAccount"), False)),
    "RemittanceAdjustment": obj("An adjustment (X12 ADX, EDIFACT AJT).", ("reasonCode", STR, False), ("amount", DEC, True),
        ("description", STR, False)),
    "RemittedInvoice": obj("An invoice paid (X12 RMR, EDIFACT DOC).", ("invoiceNumber", STR, True), ("documentType", STR, False),
        ("invoiceDate", DATE, False), ("purchaseOrderNumber", STR, False), ("amountPaid", DEC, True),
        ("invoiceAmount", DEC, False), ("discountAmount", DEC, False),
        ("adjustments", arr(ref("RemittanceAdjustment")), True), ("references", arr(ref("Reference")), True)),
}
ENUMS = {"AcknowledgementStatus": enum("accepted", "acceptedWithChanges", "rejected", "backordered", "pending")}

COMMON = ("parties", arr(ref("Party")), True)
DOCUMENTS = {
    "purchaseOrder": obj("A purchase order (X12 850, EDIFACT ORDERS).",
        ("number", STR, True), ("purpose", STR, False), ("orderType", STR, False), ("releaseNumber", STR, False),
        ("orderDate", DATE, False), ("requestedDelivery", DATE, False), ("requestedShip", DATE, False),
        ("otherDates", arr(ref("QualifiedDate")), True), ("currency", STR, False), COMMON,
        ("references", arr(ref("Reference")), True), ("contacts", arr(ref("Contact")), True),
        ("terms", arr(ref("PaymentTerms")), True), ("carrier", ref("Carrier"), False),
        ("lines", arr(ref("PurchaseOrderLine")), True), ("allowancesCharges", arr(ref("AllowanceCharge")), True),
        ("taxes", arr(ref("Tax")), True), ("totals", ref("PurchaseOrderTotals"), False),
        ("notes", arr(ref("Note")), True), ("envelope", ref("DocumentEnvelope"), False)),
    "orderAcknowledgement": obj("A purchase order acknowledgement (X12 855, EDIFACT ORDRSP).",
        ("number", STR, False), ("purchaseOrderNumber", STR, True), ("purchaseOrderDate", DATE, False),
        ("date", DATE, False), ("purpose", STR, False), ("acknowledgementType", STR, False),
        ("status", ref("AcknowledgementStatus"), True), ("currency", STR, False), COMMON,
        ("references", arr(ref("Reference")), True), ("lines", arr(ref("OrderAcknowledgementLine")), True),
        ("lineCount", INT, False), ("notes", arr(ref("Note")), True), ("envelope", ref("DocumentEnvelope"), False)),
    "shipNotice": obj("A ship notice (X12 856, EDIFACT DESADV).",
        ("shipmentId", STR, True), ("purpose", STR, False), ("noticeDate", DATE, False), ("shipDate", DATE, False),
        ("estimatedDelivery", DATE, False), ("otherDates", arr(ref("QualifiedDate")), True),
        ("structureCode", STR, False), ("carrier", ref("Carrier"), False), ("billOfLading", STR, False), COMMON,
        ("references", arr(ref("Reference")), True), ("packageCount", INT, False), ("packagingCode", STR, False),
        ("measurements", arr(ref("Measurement")), True), ("orders", arr(ref("ShippedOrder")), True),
        ("lineCount", INT, False), ("notes", arr(ref("Note")), True), ("envelope", ref("DocumentEnvelope"), False)),
    "invoice": obj("An invoice (X12 810, EDIFACT INVOIC).",
        ("number", STR, True), ("date", DATE, False), ("invoiceType", STR, False), ("purpose", STR, False),
        ("purchaseOrderNumber", STR, False), ("purchaseOrderDate", DATE, False), ("shipDate", DATE, False),
        ("otherDates", arr(ref("QualifiedDate")), True), ("currency", STR, False), COMMON,
        ("references", arr(ref("Reference")), True), ("terms", arr(ref("PaymentTerms")), True),
        ("carrier", ref("Carrier"), False), ("lines", arr(ref("InvoiceLine")), True),
        ("allowancesCharges", arr(ref("AllowanceCharge")), True), ("taxes", arr(ref("Tax")), True),
        ("totals", ref("InvoiceTotals"), True), ("notes", arr(ref("Note")), True),
        ("envelope", ref("DocumentEnvelope"), False)),
    "remittance": obj("A remittance advice (X12 820, EDIFACT REMADV).",
        ("number", STR, False), ("date", DATE, False), ("currency", STR, False), ("payment", ref("Payment"), True),
        COMMON, ("references", arr(ref("Reference")), True), ("remittedInvoices", arr(ref("RemittedInvoice")), True),
        ("otherDates", arr(ref("QualifiedDate")), True), ("notes", arr(ref("Note")), True),
        ("envelope", ref("DocumentEnvelope"), False)),
}

def object_schema(description, props):
    properties, required = {}, []
    for name, schema, req in props:
        properties[name] = schema
        if req: required.append(name)
    return {"type": "object", "description": description, "properties": properties,
            "required": required, "additionalProperties": False}

def used_defs(schema, found):
    if isinstance(schema, dict):
        if "$ref" in schema:
            name = schema["$ref"].split("/")[-1]
            if name not in found:
                found.add(name)
                used_defs(DEFS_SCHEMA[name], found)
        for value in schema.values(): used_defs(value, found)
    elif isinstance(schema, list):
        for value in schema: used_defs(value, found)

DEFS_SCHEMA = {name: object_schema(*spec) for name, spec in DEFS.items()}
DEFS_SCHEMA.update(ENUMS)

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for doc, (description, props) in DOCUMENTS.items():
        # the `type` discriminator comes first; a document's own `type` field (PO, invoice) is the code as sent
        props = list(props)
        fixed = [("type", {"const": doc, "description": "the document type discriminator"}, True)]
        schema = object_schema(description, fixed + props)
        found = set()
        used_defs(schema, found)
        out = {"$schema": "https://json-schema.org/draft/2020-12/schema",
               "$id": f"https://edikit.example/schemas/{doc}.schema.json", "title": doc}
        out.update(schema)
        out["$defs"] = {name: DEFS_SCHEMA[name] for name in sorted(found)}
        with open(os.path.join(here, f"{doc}.schema.json"), "w") as f:
            json.dump(out, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print("wrote", ", ".join(f"{d}.schema.json" for d in DOCUMENTS))


if __name__ == "__main__":
    main()
