import EDICore

/// One level of the despatch advice's packing hierarchy (`CPS` segment group: hierarchical id
/// 7164, parent 7166, packaging level 7075) with its packages and line items.
///
/// The first `CPS` (no parent) is usually the consignment; the others name it (or another
/// level) as parent, forming the tree consignment → pallets/cartons → lines.
public struct EDIFACTPackingSequence: Sendable, Hashable {
    /// 7164, this level's number.
    public var hierarchicalId: String
    /// 7166, the parent level's number; nil at the top.
    public var parentId: String?
    /// 7075 (`1` inner, `2` intermediate, `3` outer, `4` no packaging hierarchy).
    public var packagingLevel: String?
    /// The `PAC` groups of this level.
    public var packages: [EDIFACTPackage] = []
    /// The `LIN` groups packed at this level.
    public var lineItems: [EDIFACTLineItem] = []
    /// Segments of the group the model does not name (`FTX`), in place.
    public var unmappedSegments: [EDIFACTUnmappedSegment] = []
    /// Values of the `CPS` segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a packing level.
    public init(hierarchicalId: String, parentId: String?, packagingLevel: String? = nil) {
        self.hierarchicalId = hierarchicalId
        self.parentId = parentId
        self.packagingLevel = packagingLevel
    }

    init(_ fields: inout SegmentFields) {
        hierarchicalId = fields.take(1) ?? ""
        parentId = fields.take(2)
        packagingLevel = fields.take(3)
        otherValues = fields.leftovers
        source = fields.source
    }

    func segments(lineOrder: [String]) -> [OutgoingSegment] {
        var builder = SegmentBuilder("CPS")
        builder.set(1, 1, hierarchicalId)
        builder.set(2, 1, parentId)
        builder.set(3, 1, packagingLevel)
        builder.set(otherValues)
        var blocks = BlockList()
        blocks.add(builder.segment)
        for package in packages { blocks.add("PAC", package.segments) }
        for line in lineItems { blocks.add("LIN", line.segments(order: lineOrder)) }
        blocks.insert(unmappedSegments)
        return blocks.segments
    }
}

/// Packages of one kind (`PAC`: number 7224, C202 package type 7065) with their identifications
/// (`PCI` groups holding the `GIN` SSCCs).
public struct EDIFACTPackage: Sendable, Hashable {
    /// 7224, the number of packages as sent.
    public var numberOfPackages: String?
    /// C202 7065 (`PX` pallet, `CT` carton, `201` ISO 1 pallet…).
    public var packageType: String?
    /// C531 7075, the packaging level.
    public var packagingLevel: String?
    /// The `PCI` groups.
    public var identifications: [EDIFACTPackageIdentification] = []
    /// Segments of the group the model does not name (`MEA`, `QTY`, `HAN`…), in place.
    public var unmappedSegments: [EDIFACTUnmappedSegment] = []
    /// Values of the `PAC` segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a package.
    public init(numberOfPackages: String?, packageType: String?) {
        self.numberOfPackages = numberOfPackages
        self.packageType = packageType
    }

    init(_ fields: inout SegmentFields) {
        numberOfPackages = fields.take(1)
        packagingLevel = fields.take(2, 1)
        packageType = fields.take(3, 1)
        otherValues = fields.leftovers
        source = fields.source
    }

    /// Every SSCC (`GIN` qualifier `BJ`) of the package's identifications.
    public var serialShippingContainerCodes: [String] {
        identifications.flatMap { $0.goodsIdentities.filter { $0.qualifier == "BJ" }.flatMap(\.numbers) }
    }

    var segments: [OutgoingSegment] {
        var builder = SegmentBuilder("PAC")
        builder.set(1, 1, numberOfPackages)
        builder.set(2, 1, packagingLevel)
        builder.set(3, 1, packageType)
        builder.set(otherValues)
        var blocks = BlockList()
        blocks.add(builder.segment)
        for identification in identifications { blocks.add("PCI", identification.segments) }
        blocks.insert(unmappedSegments)
        return blocks.segments
    }
}

/// A package identification (`PCI`: marking instructions 4233) and its goods identity numbers.
public struct EDIFACTPackageIdentification: Sendable, Hashable {
    /// 4233 (`24` shipper assigned, `33E` EAN SSCC label…).
    public var markingInstructions: String?
    /// The `GIN` segments.
    public var goodsIdentities: [EDIFACTGoodsIdentity] = []
    /// Segments of the group the model does not name (`RFF`, `DTM`, `GIR`), in place.
    public var unmappedSegments: [EDIFACTUnmappedSegment] = []
    /// Values of the `PCI` segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []

    /// Creates a package identification.
    public init(markingInstructions: String?, goodsIdentities: [EDIFACTGoodsIdentity] = []) {
        self.markingInstructions = markingInstructions
        self.goodsIdentities = goodsIdentities
    }

    init(_ fields: inout SegmentFields) {
        markingInstructions = fields.take(1)
        otherValues = fields.leftovers
    }

    var segments: [OutgoingSegment] {
        var builder = SegmentBuilder("PCI")
        builder.set(1, 1, markingInstructions)
        builder.set(otherValues)
        return [builder.segment] + unmappedSegments.map(\.segment) + goodsIdentities.map(\.segment)
    }
}

/// Goods identity numbers (`GIN`: qualifier 7405, C208 ranges 7402).
public struct EDIFACTGoodsIdentity: Sendable, Hashable {
    /// 7405 (`BJ` serial shipping container code, `BN` serial number…).
    public var qualifier: String
    /// The first number of each C208 range (up to five).
    public var numbers: [String]
    /// Values of the segment no field names (range ends).
    public var otherValues: [EDIFACTComponentValue] = []

    /// Creates goods identity numbers.
    public init(qualifier: String, numbers: [String]) {
        self.qualifier = qualifier
        self.numbers = numbers
    }

    init(_ fields: inout SegmentFields) {
        qualifier = fields.take(1) ?? ""
        numbers = (2...6).compactMap { fields.take($0, 1) }
        otherValues = fields.leftovers
    }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("GIN")
        builder.set(1, 1, qualifier)
        for (index, number) in numbers.prefix(5).enumerated() { builder.set(index + 2, 1, number) }
        builder.set(otherValues)
        return builder.segment
    }
}

/// A document a remittance pays (`DOC` segment group of REMADV: document name 1001, number
/// 1004) with the group's amounts, dates and references.
public struct EDIFACTRemittanceDocument: Sendable, Hashable {
    /// C002 1001 (`380` commercial invoice, `381` credit note…).
    public var documentNameCode: String?
    /// C503 1004, the document number.
    public var documentNumber: String?
    /// `MOA` (`9` amount due, `52` discount, `12` amount remitted…).
    public var amounts: [EDIFACTAmount] = []
    /// `DTM` (`137` document date…).
    public var dates: [EDIFACTDate] = []
    /// `RFF` (`ON` order number…).
    public var references: [EDIFACTReference] = []
    /// Segments of the group the model does not name (`NAD`, `CUX`, `AJT`, `DLI`…), in place.
    public var unmappedSegments: [EDIFACTUnmappedSegment] = []
    /// Values of the `DOC` segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a remitted document.
    public init(documentNameCode: String?, documentNumber: String?) {
        self.documentNameCode = documentNameCode
        self.documentNumber = documentNumber
    }

    init(_ fields: inout SegmentFields) {
        documentNameCode = fields.take(1, 1)
        documentNumber = fields.take(2, 1)
        otherValues = fields.leftovers
        source = fields.source
    }

    /// The first amount with a qualifier.
    public func amount(_ qualifier: String) -> EDIFACTAmount? { amounts.first { $0.qualifier == qualifier } }

    var segments: [OutgoingSegment] {
        var builder = SegmentBuilder("DOC")
        builder.set(1, 1, documentNameCode)
        builder.set(2, 1, documentNumber)
        builder.set(otherValues)
        var blocks = BlockList()
        blocks.add(builder.segment)
        amounts.forEach { blocks.add($0.segment) }
        dates.forEach { blocks.add($0.segment) }
        references.forEach { blocks.add("RFF", $0.segments) }
        blocks.insert(unmappedSegments)
        return blocks.segments
    }
}
