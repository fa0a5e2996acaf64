import EDICore

/// PO4 item physical details (856 pack and item levels): units per pack and their size, the
/// packaging code, and the gross weight and volume of one pack.
public struct X12ItemPhysicalDetails: X12SegmentValue {
    public static var tag: String { "PO4" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// PO401 pack: inner units per outer pack.
    public var pack: X12Amount? {
        get { segment.amount(1, origin: origin) }
        set { segment.setAmount(newValue, 1) }
    }
    /// PO402 size of each inner unit.
    public var size: X12Amount? {
        get { segment.amount(2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
    /// PO403 unit of the size (355).
    public var sizeUnitCode: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// PO404 packaging code (103 + 80: `CTN25`).
    public var packagingCode: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
    /// PO405 weight qualifier (187: `G` gross).
    public var weightQualifier: String? {
        get { segment[element: 5] }
        set { segment[element: 5] = newValue }
    }
    /// PO406 gross weight per pack.
    public var grossWeightPerPack: X12Amount? {
        get { segment.amount(6, origin: origin) }
        set { segment.setAmount(newValue, 6) }
    }
    /// PO407 unit of the weight (355: `LB`, `KG`).
    public var weightUnitCode: String? {
        get { segment[element: 7] }
        set { segment[element: 7] = newValue }
    }
    /// PO408 gross volume per pack.
    public var grossVolumePerPack: X12Amount? {
        get { segment.amount(8, origin: origin) }
        set { segment.setAmount(newValue, 8) }
    }
    /// PO409 unit of the volume (355: `CF` cubic feet, `CR` cubic metre).
    public var volumeUnitCode: String? {
        get { segment[element: 9] }
        set { segment[element: 9] = newValue }
    }
}
