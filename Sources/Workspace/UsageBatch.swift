/// Product usage read from an event export, aggregated to what the metrics need: for raw
/// events, each user's active days (with which events they did) and each account's daily
/// count per event; for daily counts, those counts as given. Nothing is kept event by event.
public struct UsageBatch: Sendable {
    public enum Source: String, Sendable {
        /// One row per event (Segment, Amplitude, a warehouse query): users are known.
        case events
        /// One row per account, day and event with a count (and perhaps the users).
        case dailyCounts = "daily counts"
    }

    /// One user active on one day. `events` has bit i set for the file's event i (i < 63);
    /// bit 63 stands for every later event.
    public struct UserDay: Sendable, Equatable {
        public var user: Int32
        public var day: Int32
        public var events: UInt64
    }

    /// One account's count of one event on one day; `users` is -1 when the file does not say.
    public struct EventDay: Sendable, Equatable {
        public var account: Int32
        public var day: Int32
        public var event: Int32
        public var count: Int64
        public var users: Int32
    }

    public var source: Source
    /// The days the file covers, first to last: a re-import replaces them.
    public var first: Day
    public var last: Day
    public var accounts: [String]
    public var events: [String]
    /// Raw events: each user by account index and name.
    public var users: [(account: Int32, name: String)]
    public var userDays: [UserDay]
    public var eventDays: [EventDay]
    /// Event rows (or count rows) read.
    public var rows: Int
    /// Rows that name no account (a Segment call without a groupId): not attributable.
    public var withoutAccount: Int
    /// Segment calls other than track (identify, group, page …): not events.
    public var notTrack: Int

    /// A bit for an event index.
    public static func bit(_ event: Int) -> UInt64 { event < 63 ? 1 << UInt64(event) : 1 << 63 }
}

/// Collects rows as they are read.
struct UsageAccumulator {
    var accounts = ByteInterner()
    var events = ByteInterner(capacity: 64)
    private var userNames = ByteInterner(capacity: 4096)
    /// (account << 32 | user name id) → user index.
    private var userIndex: [UInt64: Int32] = [:]
    private(set) var users: [(account: Int32, name: Int32)] = []
    /// user index << 32 | day → events bitmask.
    private var userDays: [UInt64: UInt64] = [:]
    /// account << 40 | event << 24 | day → (count, users).
    private var eventDays: [UInt64: (count: Int64, users: Int32)] = [:]
    var first = Int.max, last = Int.min
    var rows = 0

    /// Days are stored in 24 bits, counted from 1970-01-01.
    static let days = 0..<(1 << 24)

    mutating func event(account: Int32, user: ArraySlice<UInt8>, event: Int32, day: Int) {
        let name = userNames.id(user)
        let pair = UInt64(UInt32(bitPattern: account)) << 32 | UInt64(UInt32(bitPattern: name))
        let u: Int32
        if let known = userIndex[pair] { u = known } else {
            u = Int32(users.count)
            users.append((account, name))
            userIndex[pair] = u
        }
        userDays[UInt64(UInt32(bitPattern: u)) << 32 | UInt64(day), default: 0] |= UsageBatch.bit(Int(event))
        eventDays[eventKey(account, event, day), default: (0, -1)].count += 1
        note(day)
    }

    /// A daily count; returns false when the account, day and event were already given.
    mutating func count(account: Int32, event: Int32, day: Int, count: Int64, users: Int32) -> Bool {
        let key = eventKey(account, event, day)
        guard eventDays[key] == nil else { return false }
        eventDays[key] = (count, users)
        note(day)
        return true
    }

    private func eventKey(_ account: Int32, _ event: Int32, _ day: Int) -> UInt64 {
        UInt64(UInt32(bitPattern: account)) << 40 | UInt64(UInt32(bitPattern: event)) << 24 | UInt64(day)
    }

    private mutating func note(_ day: Int) {
        rows += 1
        if day < first { first = day }
        if day > last { last = day }
    }

    func batch(source: UsageBatch.Source, withoutAccount: Int, notTrack: Int) -> UsageBatch {
        func text(_ i: ByteInterner, _ id: Int32) -> String { String(decoding: i[id: id], as: UTF8.self) }
        var batch = UsageBatch(source: source, first: Day(ordinal: first == .max ? 0 : first), last: Day(ordinal: last == .min ? 0 : last),
                               accounts: (0..<accounts.count).map { text(accounts, Int32($0)) },
                               events: (0..<events.count).map { text(events, Int32($0)) },
                               users: users.map { ($0.account, text(userNames, $0.name)) },
                               userDays: [], eventDays: [], rows: rows, withoutAccount: withoutAccount, notTrack: notTrack)
        batch.userDays.reserveCapacity(userDays.count)
        for (key, events) in userDays {
            batch.userDays.append(.init(user: Int32(truncatingIfNeeded: key >> 32), day: Int32(truncatingIfNeeded: key & 0xFFFF_FFFF), events: events))
        }
        batch.eventDays.reserveCapacity(eventDays.count)
        for (key, value) in eventDays {
            batch.eventDays.append(.init(account: Int32(truncatingIfNeeded: key >> 40), day: Int32(truncatingIfNeeded: key & 0xFF_FFFF),
                                         event: Int32(truncatingIfNeeded: (key >> 24) & 0xFFFF), count: value.count, users: value.users))
        }
        return batch
    }
}
