/// The subscription ledger as retention maths reads it: one row per subscription, sorted
/// by account, with the MRR in cents. An account is active on a day when one of its rows
/// has start ≤ day and (no end, or end > day) — SPEC.md section 4.
public struct Ledger: Sendable {
    public struct Row: Equatable, Sendable {
        public var account: Int64
        public var start: Day
        public var end: Day?
        public var mrr: Int64

        public init(account: Int64, start: Day, end: Day?, mrr: Int64) {
            self.account = account
            self.start = start
            self.end = end
            self.mrr = mrr
        }

        public func isActive(on day: Day) -> Bool { start <= day && (end.map { $0 > day } ?? true) }
    }

    /// Sorted by account.
    public private(set) var rows: [Row]
    /// Each account's rows, as a range of `rows`.
    public private(set) var accounts: [(id: Int64, rows: Range<Int>)]

    public init(rows: [Row]) {
        let sorted = rows.sorted { $0.account < $1.account }
        self.rows = sorted
        var accounts: [(Int64, Range<Int>)] = []
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j].account == sorted[i].account { j += 1 }
            accounts.append((sorted[i].account, i..<j))
            i = j
        }
        self.accounts = accounts
    }

    public var isEmpty: Bool { rows.isEmpty }

    /// An account's MRR on a day, in cents: its active rows added up.
    public func mrr(_ range: Range<Int>, on day: Day) -> Int64 {
        var total: Int64 = 0
        for i in range where rows[i].isActive(on: day) { total += rows[i].mrr }
        return total
    }

    public func isActive(_ range: Range<Int>, on day: Day) -> Bool {
        range.contains { rows[$0].isActive(on: day) }
    }

    /// The account's first start.
    public func firstStart(_ range: Range<Int>) -> Day {
        range.map { rows[$0].start }.min()!
    }
}
