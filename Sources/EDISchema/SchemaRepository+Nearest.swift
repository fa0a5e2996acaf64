public import EDICore
import Foundation

extension SchemaRepository {
    /// The shipped version nearest to `version` that has a schema for the transaction set or message:
    /// for X12 by version number (`004030` → `004010`), for EDIFACT by directory release (`D00A` →
    /// `D01B`, `D97B` → `D96A`; a tie goes to the earlier one). Nil when the version cannot be read
    /// or no version has the set. The stand-in of `edikit validate --nearest-schema`.
    public func nearestVersion(syntax: EDISyntax, version: String, id: String) -> String? {
        guard let wanted = Self.versionOrdinal(syntax: syntax, version) else { return nil }
        let folder = root.appendingPathComponent(syntax == .x12 ? "X12" : "EDIFACT")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var best: (distance: Int, ordinal: Int, name: String)?
        for name in names where name != version {
            guard let ordinal = Self.versionOrdinal(syntax: syntax, name),
                  FileManager.default.fileExists(atPath: transactionURL(syntax: syntax, version: name, id: id).path) else { continue }
            let candidate = (abs(ordinal - wanted), ordinal, name)
            if best == nil || (candidate.0, candidate.1) < (best!.distance, best!.ordinal) { best = candidate }
        }
        return best?.name
    }

    /// A number that orders versions: X12 `004010` → 4010; EDIFACT `D96A` → 1996 × 2 + 0, `D01B` → 2001 × 2 + 1.
    static func versionOrdinal(syntax: EDISyntax, _ version: String) -> Int? {
        switch syntax {
        case .x12:
            guard version.count == 6, version.allSatisfy(\.isNumber) else { return nil }
            return Int(version)
        case .edifact:
            let characters = Array(version.uppercased())
            guard characters.count == 4, characters[0] == "D", let year = Int(String(characters[1...2])),
                  let release = ["A": 0, "B": 1][characters[3]] else { return nil }
            return ((year >= 90 ? 1900 : 2000) + year) * 2 + release
        }
    }
}
