/// An 850, 855 or 810: the models whose heading, line loop and summary are read and written
/// through ``X12DocumentParts``. The copy between the model's properties and the parts is here once.
protocol X12PartsDocument {
    var beginningSegment: X12Segment { get set }
    var currency: X12Currency? { get set }
    var references: [X12Reference] { get set }
    var contacts: [X12Contact] { get set }
    var dates: [X12Date] { get set }
    var termsOfSale: [X12TermsOfSale] { get set }
    var carrierRouting: [X12CarrierRouting] { get set }
    var allowancesCharges: [X12AllowanceCharge] { get set }
    var taxes: [X12TaxInformation] { get set }
    var parties: [X12Party] { get set }
    var lineItems: [X12LineItem] { get set }
    var totals: X12TransactionTotals? { get set }
    var unmappedSegments: [X12UnmappedSegment] { get set }
}

extension X12PartsDocument {
    /// The shared properties as parts to write (set-specific named segments are the caller's).
    var sharedParts: X12DocumentParts {
        var parts = X12DocumentParts()
        parts.beginning = beginningSegment
        parts.currency = currency
        parts.references = references
        parts.contacts = contacts
        parts.dates = dates
        parts.termsOfSale = termsOfSale
        parts.carrierRouting = carrierRouting
        parts.allowancesCharges = allowancesCharges
        parts.taxes = taxes
        parts.parties = parties
        parts.lineItems = lineItems
        parts.totals = totals
        parts.unmappedSegments = unmappedSegments
        return parts
    }

    /// Takes the shared properties from parts that were read (the beginning segment must be there).
    mutating func adoptSharedParts(_ parts: X12DocumentParts, beginning: X12Segment) {
        beginningSegment = beginning
        currency = parts.currency
        references = parts.references
        contacts = parts.contacts
        dates = parts.dates
        termsOfSale = parts.termsOfSale
        carrierRouting = parts.carrierRouting
        allowancesCharges = parts.allowancesCharges
        taxes = parts.taxes
        parties = parts.parties
        lineItems = parts.lineItems
        totals = parts.totals
        unmappedSegments = parts.unmappedSegments
    }
}
