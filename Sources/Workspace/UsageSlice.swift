/// Product usage of some accounts over a range of days, as stored: what an event import
/// puts in place of what those accounts' range held, and what undoing it puts back. A slice
/// from raw events replaces every user-day in the range and every count that came from raw
/// events or names one of its events; a slice of daily counts replaces the counts of its
/// events only. Other accounts are untouched.
public struct UsageSlice: Sendable {
    public struct UserDay: Sendable, Equatable {
        public var account: Int64
        public var day: Int
        public var user: Int64
        /// Bit (event id − 1) for each event the user did that day; bit 63 for ids past 63.
        public var events: UInt64
    }

    public struct EventDay: Sendable, Equatable {
        public var account: Int64
        public var day: Int
        public var event: Int64
        public var count: Int64
        public var users: Int64?
        public var fromEvents: Bool
    }

    /// A user of an account's product usage, with the id its days name.
    public struct User: Sendable, Equatable {
        public var id: Int64
        public var name: String
    }

    public var source: UsageBatch.Source
    public var first: Day
    public var last: Day
    /// The accounts whose range this slice replaces.
    public var accounts: [Int64]
    /// The events whose counts in the range this slice replaces.
    public var events: [Int64]
    public var userDays: [UserDay]
    public var eventDays: [EventDay]
    /// The days covered by imports, per source, of each of `accounts` after this slice.
    public var coverage: [Int64: [UsageCoverage.Span]]

    public static func bit(event id: Int64) -> UInt64 { id <= 63 ? 1 << UInt64(id - 1) : 1 << 63 }
}

/// Which days an account's product usage has been imported for: a day inside a span is
/// known (no row that day means the account did nothing); a day outside is not. A file
/// covers its whole range, first day to last, for every account it names.
public struct UsageCoverage: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public var source: UsageBatch.Source
        public var first: Day
        public var last: Day
        public init(source: UsageBatch.Source, first: Day, last: Day) {
            self.source = source
            self.first = first
            self.last = last
        }
    }

    /// Ordered by first day.
    public var spans: [Span]

    public init(spans: [Span]) { self.spans = spans.sorted { $0.first < $1.first } }

    public var isEmpty: Bool { spans.isEmpty }

    /// Whether every day of `days` is covered (by raw events only, with `usersKnown`).
    public func covers(_ days: ClosedRange<Int>, usersKnown: Bool = false) -> Bool {
        var next = days.lowerBound
        for span in spans where !usersKnown || span.source == .events {
            if span.first.ordinal > next { break }
            next = max(next, span.last.ordinal + 1)
            if next > days.upperBound { return true }
        }
        return next > days.upperBound
    }

    /// The spans with one more added; spans of one source that touch or overlap become one.
    public func adding(_ span: Span) -> [Span] {
        var result: [Span] = []
        var merged = span
        for s in spans {
            if s.source == merged.source && s.first.ordinal <= merged.last.ordinal + 1 && merged.first.ordinal <= s.last.ordinal + 1 {
                merged.first = min(merged.first, s.first)
                merged.last = max(merged.last, s.last)
            } else {
                result.append(s)
            }
        }
        result.append(merged)
        return result.sorted { ($0.first, $0.source.rawValue) < ($1.first, $1.source.rawValue) }
    }
}
