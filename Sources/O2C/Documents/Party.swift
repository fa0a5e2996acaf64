/// A party of a business document by its role: buyer, seller, ship-to, bill-to and so on.
///
/// X12: an `N1` loop (`N101` role, `N102` name, `N103`/`N104` identifier, `N2`/`N3`/`N4`
/// address, `PER` contacts, `REF` references). EDIFACT: a `NAD` group (`NAD` 3035 role, C082
/// identifier with 3055 agency, C080 name, C059 street, 3164 city, 3229 region, 3251 postal
/// code, 3207 country; `CTA`/`COM` contacts; `RFF` references).
public struct Party: Codable, Sendable, Equatable, Hashable {
    /// The party's role.
    public var role: PartyRole
    /// The role code as sent (`N101`, NAD 3035), kept for tracing.
    public var roleCode: String?
    /// The name (`N102`, NAD C080).
    public var name: String?
    /// Identifiers with the qualifier that came with them (`N103`/`N104`, NAD C082).
    public var identifiers: [PartyIdentifier]
    /// The postal address.
    public var address: Address?
    /// Contacts (`PER`, `CTA`/`COM`).
    public var contacts: [Contact]
    /// References given for this party (`REF` in the N1 loop, `RFF` in the NAD group).
    public var references: [Reference]

    /// Creates a party.
    public init(role: PartyRole, roleCode: String? = nil, name: String? = nil, identifiers: [PartyIdentifier] = [],
                address: Address? = nil, contacts: [Contact] = [], references: [Reference] = []) {
        self.role = role
        self.roleCode = roleCode
        self.name = name
        self.identifiers = identifiers
        self.address = address
        self.contacts = contacts
        self.references = references
    }
}

/// The role a party plays in a document, the same for both syntaxes.
///
/// Encoded in JSON as a string: `buyer`, `seller`, `shipTo`, `billTo`, `remitTo`, `shipFrom`,
/// `supplier`, `payer`, `payee`, or `other:<code as sent>` for a role code without a name here.
/// The code tables (``PartyRoleCodes``) map X12 `N101` (element 98) and EDIFACT NAD 3035.
public enum PartyRole: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The party that orders (X12 `BY`, EDIFACT `BY`).
    case buyer
    /// The party that sells (X12 `SE`, EDIFACT `SE`).
    case seller
    /// Where the goods go (X12 `ST`, EDIFACT `ST`/`DP`).
    case shipTo
    /// Who receives the invoice (X12 `BT`, EDIFACT `IV`).
    case billTo
    /// Where payment is sent (X12 `RI`/`RE`).
    case remitTo
    /// Where the goods leave from (X12 `SF`, EDIFACT `SF`).
    case shipFrom
    /// The supplier or vendor (X12 `SU`/`VN`, EDIFACT `SU`).
    case supplier
    /// Who pays (X12 `PR`, EDIFACT `PR`).
    case payer
    /// Who is paid (X12 `PE`, EDIFACT `PE`).
    case payee
    /// Any other role, by its code as sent.
    case other(String)

    /// The JSON string of the role.
    public var description: String {
        switch self {
        case .buyer: "buyer"
        case .seller: "seller"
        case .shipTo: "shipTo"
        case .billTo: "billTo"
        case .remitTo: "remitTo"
        case .shipFrom: "shipFrom"
        case .supplier: "supplier"
        case .payer: "payer"
        case .payee: "payee"
        case .other(let code): "other:\(code)"
        }
    }

    /// The role for a JSON string; nil when the string names no role.
    public init?(jsonValue: String) {
        switch jsonValue {
        case "buyer": self = .buyer
        case "seller": self = .seller
        case "shipTo": self = .shipTo
        case "billTo": self = .billTo
        case "remitTo": self = .remitTo
        case "shipFrom": self = .shipFrom
        case "supplier": self = .supplier
        case "payer": self = .payer
        case "payee": self = .payee
        default:
            guard jsonValue.hasPrefix("other:") else { return nil }
            self = .other(String(jsonValue.dropFirst(6)))
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let role = PartyRole(jsonValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown party role \"\(text)\""))
        }
        self = role
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// One identifier of a party: the scheme it belongs to, the qualifier as sent, the value.
public struct PartyIdentifier: Codable, Sendable, Equatable, Hashable {
    /// The identification scheme (GLN, DUNS, assigned by the buyer…).
    public var scheme: PartyIdScheme
    /// The qualifier as sent: X12 `N103` (element 66), EDIFACT NAD C082 3055.
    public var qualifier: String?
    /// The identifier.
    public var value: String

    /// Creates an identifier.
    public init(scheme: PartyIdScheme, qualifier: String? = nil, value: String) {
        self.scheme = scheme
        self.qualifier = qualifier
        self.value = value
    }
}

/// Party identification schemes shared by both syntaxes (see ``PartyIdSchemeCodes``).
public enum PartyIdScheme: String, Codable, Sendable, Hashable, CaseIterable {
    /// GS1 Global Location Number (13 digits).
    case gln
    /// Dun & Bradstreet D-U-N-S number (9 digits).
    case duns
    /// D-U-N-S number with a 4-character suffix.
    case dunsPlus4
    /// A code the buyer assigned.
    case assignedByBuyer
    /// A code the seller or supplier assigned.
    case assignedBySeller
    /// A code both partners agreed on.
    case mutuallyDefined
    /// Any other scheme (see the qualifier).
    case other
}

/// A postal address (X12 `N2`/`N3`/`N4`, EDIFACT NAD C059/3164/3229/3251/3207).
public struct Address: Codable, Sendable, Equatable, Hashable {
    /// Street lines, in order.
    public var lines: [String]
    /// City.
    public var city: String?
    /// State, province or region code.
    public var region: String?
    /// Postal code.
    public var postalCode: String?
    /// ISO 3166 country code.
    public var country: String?

    /// Creates an address.
    public init(lines: [String] = [], city: String? = nil, region: String? = nil, postalCode: String? = nil,
                country: String? = nil) {
        self.lines = lines
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }
}

/// A contact person or department (X12 `PER`, EDIFACT `CTA` + `COM`).
public struct Contact: Codable, Sendable, Equatable, Hashable {
    /// The contact function code as sent (X12 `PER01` 366, EDIFACT CTA 3139).
    public var function: String?
    /// Name.
    public var name: String?
    /// Telephone number.
    public var phone: String?
    /// E-mail address.
    public var email: String?
    /// Fax number.
    public var fax: String?

    /// Creates a contact.
    public init(function: String? = nil, name: String? = nil, phone: String? = nil, email: String? = nil,
                fax: String? = nil) {
        self.function = function
        self.name = name
        self.phone = phone
        self.email = email
        self.fax = fax
    }
}
