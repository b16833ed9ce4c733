/// A customer account: the profile a CRM export carries.
public struct Account: Equatable, Sendable {
    public var id: Int64?
    public var name: String
    public var aliases: [String]
    public var segment: Segment?
    public var plan: String?
    public var arr: Money?
    public var csm: String?
    public var startDate: Day?
    public var renewalDate: Day?
    public var churnDate: Day?
    public var churnReason: String?

    public init(id: Int64? = nil, name: String, aliases: [String] = [], segment: Segment? = nil, plan: String? = nil,
                arr: Money? = nil, csm: String? = nil, startDate: Day? = nil, renewalDate: Day? = nil,
                churnDate: Day? = nil, churnReason: String? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.segment = segment
        self.plan = plan
        self.arr = arr
        self.csm = csm
        self.startDate = startDate
        self.renewalDate = renewalDate
        self.churnDate = churnDate
        self.churnReason = churnReason
    }

    /// Churned on or before `day`.
    public func isChurned(on day: Day) -> Bool {
        guard let churnDate else { return false }
        return churnDate <= day
    }
}

extension Account {
    /// Accounts (or things of one account each) in the book's order, made here, not by the
    /// database, so both stores give one order: ASCII letters without case, as SQLite's NOCASE,
    /// then the oldest account first.
    public static func byName<T>(_ items: [T], _ account: (T) -> Account) -> [T] {
        byName(items, name: { account($0).name }, id: { account($0).id })
    }

    /// `byName` of things that hand over their account's name and id alone: a whole account
    /// copied is many values to touch, and a book has 100,000.
    public static func byName<T>(_ items: [T], name: (T) -> String, id: (T) -> Int64?) -> [T] {
        // Sorted by keys made once: the first 16 folded bytes of each name, big-endian, so
        // most pairs compare as two integers; names alike that far compare whole.
        var names: [String] = [], ids: [Int64] = [], keys: [NocasePrefix] = []
        names.reserveCapacity(items.count)
        ids.reserveCapacity(items.count)
        keys.reserveCapacity(items.count)
        for item in items {
            let n = name(item)
            names.append(n)
            ids.append(id(item) ?? 0)
            keys.append(n.nocasePrefix)
        }
        return items.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            let order = names[a].nocaseOrder(names[b])
            return order == 0 ? ids[a] < ids[b] : order < 0
        }.map { items[$0] }
    }
}

extension String {
    /// The first 16 bytes as `nocaseOrder` folds them, big-endian (zeros past the end): two
    /// names whose prefixes differ are in the order of their prefixes.
    var nocasePrefix: NocasePrefix {
        var high: UInt64 = 0, low: UInt64 = 0, n = 0
        for c in utf8.prefix(16) {
            let folded = UInt64(c >= 65 && c <= 90 ? c + 32 : c)
            if n < 8 { high |= folded << (56 - 8 * n) } else { low |= folded << (56 - 8 * (n - 8)) }
            n += 1
        }
        return NocasePrefix(high: high, low: low)
    }

    /// The order of SQLite's NOCASE: bytes, with ASCII capitals as small letters; negative
    /// when this comes first, 0 when the two are the same without case.
    func nocaseOrder(_ other: String) -> Int {
        var a = utf8.makeIterator(), b = other.utf8.makeIterator()
        let fold = { (c: UInt8) in c >= 65 && c <= 90 ? c + 32 : c }
        while true {
            switch (a.next().map(fold), b.next().map(fold)) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (x?, y?) where x != y: return x < y ? -1 : 1
            default: continue
            }
        }
    }
}

/// The key `String.nocasePrefix` makes.
struct NocasePrefix: Comparable {
    var high: UInt64
    var low: UInt64
    static func < (a: NocasePrefix, b: NocasePrefix) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
}
