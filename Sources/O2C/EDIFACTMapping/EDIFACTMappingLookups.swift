/// A set of date roles, written as an array literal (`[.documentDate, .requestedDelivery]`)
/// without building a `Set`.
struct DateRoles: OptionSet {
    let rawValue: UInt32

    init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    init(_ role: DateRole) {
        let bit: UInt32
        switch role {
        case .documentDate: bit = 0
        case .requestedDelivery: bit = 1
        case .requestedShip: bit = 2
        case .shipped: bit = 3
        case .estimatedDelivery: bit = 4
        case .delivered: bit = 5
        case .invoiceDate: bit = 6
        case .purchaseOrderDate: bit = 7
        case .paymentValueDate: bit = 8
        case .netDueDate: bit = 9
        }
        rawValue = 1 << bit
    }
}

extension DateRoles: ExpressibleByArrayLiteral {
    init(arrayLiteral roles: DateRole...) {
        var raw: UInt32 = 0
        for role in roles { raw |= DateRoles(role).rawValue }
        rawValue = raw
    }
}

/// The ISO dates a document names, by role (a handful: looked up in order, not hashed).
struct NamedDates {
    private var dates: [(role: DateRole, date: String)] = []

    subscript(role: DateRole) -> String? {
        get { dates.first { $0.role == role }?.date }
        set {
            dates.removeAll { $0.role == role }
            if let newValue { dates.append((role, newValue)) }
        }
    }
}
