/// The account a new name in a file most likely meant: a re-export with "Norhtwind Logistics"
/// is Northwind Logistics mistyped, not a new customer. A name is near an account when, as
/// typed names compare (`comparable`),
/// - it is one edit (a letter added, dropped, changed, or two swapped) from the account's
///   name or an alias, both at least five letters long and with the same digits
///   ("Unit 4" and "Unit 5" are two accounts); or
/// - it has the same words, in any order, leaving out company endings
///   ("Northwind Logistics Inc." and "Logistics Northwind").
/// An import refuses such a name unless asked to create it (`import FILE --create`).
public struct NearNames {
    /// Each name and alias's keys: itself and every one-letter deletion of it.
    private var byDeletion: [String: [String]] = [:]
    private var byWords: [String: String] = [:]

    public static let minimumLength = 5
    /// Words a company name carries that do not tell two companies apart.
    static let endings: Set<String> = ["inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
                                       "gmbh", "plc", "ag", "sa", "bv", "pty", "the", "group"]

    /// `names`: each account's name and its aliases, with the name shown for them.
    public init(_ names: [(key: String, shown: String)]) {
        for (key, shown) in names {
            byWords[NearNames.words(key)] = byWords[NearNames.words(key)] ?? shown
            guard key.unicodeScalars.count >= NearNames.minimumLength else { continue }
            for k in NearNames.deletions(key) + [key] { byDeletion[k, default: []].append(shown) }
        }
        byWords[""] = nil
    }

    /// The account `name` is near, if any (never itself: a known name is found before this).
    public func near(_ name: String) -> String? {
        let key = name.comparable
        if let shown = byWords[NearNames.words(key)] { return shown }
        guard key.unicodeScalars.count >= NearNames.minimumLength else { return nil }
        let scalars = Array(key.unicodeScalars)
        for k in [key] + NearNames.deletions(key) {
            for shown in byDeletion[k] ?? [] {
                let other = shown.comparable
                if editDistance(scalars, Array(other.unicodeScalars)[...], limit: 1) <= 1, digits(key) == digits(other) { return shown }
            }
        }
        return nil
    }

    private func digits(_ s: String) -> String { String(s.unicodeScalars.filter { $0.properties.numericType != nil }.map(Character.init)) }

    static func words(_ key: String) -> String {
        key.split(separator: " ").map(String.init).filter { !endings.contains($0) }.sorted().joined(separator: " ")
    }

    static func deletions(_ key: String) -> [String] {
        let scalars = Array(key.unicodeScalars)
        return scalars.indices.map { i in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[..<i])
            s.append(contentsOf: scalars[(i + 1)...])
            return String(s)
        }
    }
}

/// An import that names accounts the workspace does not have, each near one it has: refused,
/// nothing written.
public struct NearNameRefusal: Error, Equatable, Sendable {
    public var pairs: [Pair]
    public struct Pair: Equatable, Sendable {
        public var given: String
        public var existing: String
        /// The existing account's aliases now: a `set … aliases` that adds the name keeps them.
        public var aliases: [String]
    }
}
