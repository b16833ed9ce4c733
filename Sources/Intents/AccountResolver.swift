import Workspace

/// Finds the account a CSM meant: exactly, by alias, by unique prefix, and otherwise
/// offers the nearest names ("did you mean Acme Corp?") rather than guessing.
public struct AccountResolver: Sendable {
    public struct Candidate: Sendable {
        public var name: String
        public var aliases: [String]
        public init(name: String, aliases: [String]) {
            self.name = name
            self.aliases = aliases
        }
    }

    public enum Resolution: Equatable, Sendable {
        case found(Int)
        case ambiguous([Int])
        case notFound(suggestions: [Int])
    }

    let candidates: [Candidate]
    /// (comparable key, candidate index, is the main name)
    private let keys: [(String, Int, Bool)]
    /// The most words any name or alias has: a longer query can name no account (exactly
    /// or by its start), which bounds how much of a line is tried as a name.
    public let longestName: Int

    public init(_ candidates: [Candidate]) {
        self.candidates = candidates
        var keys: [(String, Int, Bool)] = []
        for (i, c) in candidates.enumerated() {
            keys.append((Self.key(c.name), i, true))
            for alias in c.aliases { keys.append((Self.key(alias), i, false)) }
        }
        self.keys = keys
        longestName = keys.map { $0.0.split(separator: " ").count }.max() ?? 0
    }

    /// The account the query names in full (its name or an alias, as names compare).
    public func exact(_ query: String) -> Int? {
        let q = Self.key(query)
        return keys.first { $0.0 == q && $0.2 }?.1 ?? keys.first { $0.0 == q }?.1
    }

    public func resolve(_ query: String) -> Resolution {
        let q = Self.key(query)
        guard !q.isEmpty else { return .notFound(suggestions: []) }
        if let exact = keys.first(where: { $0.0 == q && $0.2 }) { return .found(exact.1) }
        let aliasHits = Set(keys.filter { $0.0 == q }.map(\.1))
        if aliasHits.count == 1 { return .found(aliasHits.first!) }
        if aliasHits.count > 1 { return .ambiguous(aliasHits.sorted()) }
        let prefixHits = Set(keys.filter { $0.0.hasPrefix(q) }.map(\.1))
        if prefixHits.count == 1 { return .found(prefixHits.first!) }
        if prefixHits.count > 1 { return .ambiguous(prefixHits.sorted { candidates[$0].name < candidates[$1].name }) }
        return .notFound(suggestions: suggestions(for: q))
    }

    /// Names within a few edits of the query, or of the same-length start of a name; failing those, of a name's first word.
    func suggestions(for q: String) -> [Int] {
        let limit = Swift.max(1, q.count / 3)
        var best: [Int: Int] = [:]
        for (key, index, _) in keys {
            var d = editDistance(q, key, limit: limit)
            if key.count > q.count { d = Swift.min(d, editDistance(q, String(key.prefix(q.count)), limit: limit) + 1) }
            if d <= limit { best[index] = Swift.min(best[index] ?? .max, d) }
        }
        // Else a typo in the first word of a longer name: "Nimbs" for Nimbus Analytics.
        if best.isEmpty {
            for (key, index, _) in keys {
                guard let first = key.split(separator: " ").first, first.count < key.count else { continue }
                let d = editDistance(q, String(first), limit: limit)
                if d <= limit { best[index] = Swift.min(best[index] ?? .max, d) }
            }
        }
        return best.sorted { ($0.value, candidates[$0.key].name) < ($1.value, candidates[$1.key].name) }.prefix(3).map(\.key)
    }

    static func key(_ s: String) -> String { s.comparable }
}
