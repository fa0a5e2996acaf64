import Foundation

/// Checks a benchmark's file arguments before any work: prints `usage` and exits 0 for `--help`,
/// or names each file that cannot be read, prints `usage` and exits 2 (instead of stopping on
/// the first unreadable file with a fatal error half-way through the run).
public func requireReadableFiles(_ arguments: [String], usage: String) {
    if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
        print(usage)
        exit(0)
    }
    let unreadable = arguments.filter { $0.hasPrefix("--") || !FileManager.default.isReadableFile(atPath: $0) }
    guard arguments.isEmpty || !unreadable.isEmpty else { return }
    let problems = unreadable.map { $0.hasPrefix("--") ? "unknown option \($0)\n" : "cannot read \($0)\n" }.joined()
    FileHandle.standardError.write(Data((problems + usage + "\n").utf8))
    exit(2)
}
