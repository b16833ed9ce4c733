import Workspace

/// An account a name or alias names, as the workspace keeps it (`account_key`).
public struct NameHit: Equatable, Sendable {
    public var account: AccountRef
    /// The name or alias as names compare (`String.comparable`).
    public var key: String
    /// The key is the account's name, not an alias.
    public var isName: Bool

    public init(account: AccountRef, key: String, isName: Bool) {
        self.account = account
        self.key = key
        self.isName = isName
    }
}

/// What the reader knows of the workspace's names: the accounts by name, alias or start of
/// either (indexed look-ups, so a 100,000-account book is no slower to read a line against),
/// the CSMs, the people who may own a task, the metrics it keeps. The shell answers from the
/// store; tests from a list.
public protocol Names: AnyObject {
    /// The accounts whose name or an alias is `key` exactly, as names compare.
    func accounts(withKeys keys: [String]) throws -> [NameHit]
    /// Up to `limit` names and aliases that start with `key`, in key order.
    func accounts(startingWith key: String, limit: Int) throws -> [NameHit]
    /// How many names and aliases start with `key`.
    func countAccounts(startingWith key: String) throws -> Int
    /// Names near `key` (a typo of one): at most three, nearest first.
    func nearAccounts(_ key: String) throws -> [String]
    /// Every CSM the accounts name.
    func csms() throws -> [String]
    /// People who can own a task or a goal: the CSMs and the accounts' contacts.
    func people() throws -> [String]
    /// Metrics of the workspace's own that can be named (custom columns the model scores).
    func metrics() throws -> [String]
    /// The user at the keyboard (CSE_USER, else the login name): who "mine" and "my" are.
    var user: String { get }
}

extension Names {
    /// Whether `key` may be a slip of a name, answered without reading every name: the names
    /// that start with its first three characters (an indexed look-up) within a few edits of
    /// it. For the reader's choices — is this word another account, or a word of the question?
    /// The "did you mean" of an error compares every name (`nearAccounts`).
    func mayName(_ key: String) throws -> Bool {
        guard key.count >= 3 else { return false }
        return try !AccountNames.near(key, in: accounts(startingWith: String(key.prefix(3)), limit: 100)).isEmpty
    }
}

/// Names from a list in memory: the tests' workspace, and a small book's.
public final class NameList: Names {
    let hits: [NameHit]
    let csmNames: [String]
    let peopleNames: [String]
    let metricNames: [String]
    public let user: String

    public init(accounts: [(id: Int64, name: String, aliases: [String])], csms: [String] = [], people: [String] = [],
                metrics: [String] = [], user: String = "you") {
        var hits: [NameHit] = []
        for a in accounts {
            let ref = AccountRef(id: a.id, name: a.name)
            hits.append(NameHit(account: ref, key: a.name.comparable, isName: true))
            for alias in a.aliases { hits.append(NameHit(account: ref, key: alias.comparable, isName: false)) }
        }
        self.hits = hits.sorted { ($0.key, $0.account.id) < ($1.key, $1.account.id) }
        csmNames = csms
        peopleNames = people
        metricNames = metrics
        self.user = user
    }

    public func accounts(withKeys keys: [String]) -> [NameHit] {
        let wanted = Set(keys)
        return hits.filter { wanted.contains($0.key) }
    }

    public func accounts(startingWith key: String, limit: Int) -> [NameHit] {
        Array(hits.filter { $0.key.hasPrefix(key) }.prefix(limit))
    }

    public func countAccounts(startingWith key: String) -> Int { hits.filter { $0.key.hasPrefix(key) }.count }

    public func nearAccounts(_ key: String) -> [String] { AccountNames.near(key, in: hits) }
    public func csms() -> [String] { csmNames }
    public func people() -> [String] { peopleNames }
    public func metrics() -> [String] { metricNames }
}

/// How typed names are looked for.
public enum AccountNames {
    /// A name or alias needs no more tokens than this to be read whole (a longer one is
    /// found by its start).
    public static let longestSpan = 10

    /// The "did you mean" of an unknown account: names within a few edits of the key, or of
    /// the same-length start of a name; failing
    /// those, of a name's first word ("Nimbs" for Nimbus Analytics). At most three, nearest first.
    public static func near(_ q: String, in hits: [NameHit]) -> [String] {
        near(q, among: hits.map { (name: $0.account.name, key: $0.key) })
    }

    /// The names (each with its key, as names compare) near a typed key, as for an account:
    /// the CSMs near a slip of one ("Marcs": Marcus Bell).
    public static func near(_ q: String, among names: [(name: String, key: String)]) -> [String] {
        let typed = Array(q.unicodeScalars)
        // A pasted page is no slip of a name.
        guard !typed.isEmpty, typed.count <= 200 else { return [] }
        let limit = Swift.max(1, typed.count / 3)
        let keys = names.map { Array($0.key.unicodeScalars) }
        var best: [String: Int] = [:]
        for (named, key) in zip(names, keys) {
            var d = editDistance(typed, key[...], limit: limit)
            if key.count > typed.count { d = Swift.min(d, editDistance(typed, key[..<typed.count], limit: limit) + 1) }
            if d <= limit { best[named.name] = Swift.min(best[named.name] ?? .max, d) }
        }
        if best.isEmpty {
            for (named, key) in zip(names, keys) {
                guard let space = key.firstIndex(of: " "), space > 0 else { continue }
                let d = editDistance(typed, key[..<space], limit: limit)
                if d <= limit { best[named.name] = Swift.min(best[named.name] ?? .max, d) }
            }
        }
        return best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(3).map(\.key)
    }
}
