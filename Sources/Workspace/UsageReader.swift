import Foundation

/// Reads a product-usage export: raw events (a CSV with account, user, event and time
/// columns; Segment `track` calls or Amplitude's export as NDJSON) or daily counts
/// (`account,date,event,count[,users]`). Every row is checked; one bad row refuses the file
/// with its line and column. Rows are aggregated as they are read (`UsageAccumulator`).
public enum UsageReader {
    /// What a file's first line says it holds.
    enum Layout {
        case events(account: Int, user: Int, event: Int, time: Int)
        case dailyCounts(account: Int, date: Int, event: Int, count: Int, users: Int?)
        case ndjson
    }

    static let accountColumns = ["account", "group_id", "groupid", "account_id", "company"]
    static let userColumns = ["user", "user_id", "userid", "anonymous_id", "distinct_id"]
    static let eventColumns = ["event", "event_type", "event_name"]
    static let timeColumns = ["timestamp", "event_time", "time"]

    /// Past this many problems the file is not read further.
    static let problemCap = 1000

    /// The layout of a usage file, or nil when it is another kind (accounts, snapshots …).
    static func layout(path: String, ext: String) -> Layout? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        var firstLine = Array(head.prefix { $0 != 0x0A })
        if firstLine.last == 0x0D { firstLine.removeLast() }
        if firstLine.starts(with: [0xEF, 0xBB, 0xBF]) { firstLine.removeFirst(3) }
        if ["ndjson", "jsonl"].contains(ext) { return .ndjson }
        if ext == "json" {
            // NDJSON: the first line is a whole event object on its own.
            guard firstLine.first == 0x7B, let object = try? JSONSerialization.jsonObject(with: Data(firstLine)) as? [String: Any],
                  object["event"] != nil || object["event_type"] != nil else { return nil }
            return .ndjson
        }
        guard !["yaml", "yml"].contains(ext) else { return nil }
        var cells: [ArraySlice<UInt8>] = []
        guard LineReader.fields(firstLine[...], into: &cells) else { return nil }
        let columns = cells.map { String(decoding: LineReader.trim($0), as: UTF8.self).lowercased() }
        func index(_ names: [String]) -> Int? { columns.firstIndex { names.contains($0) } }
        if let a = index(accountColumns), let u = index(userColumns), let e = index(eventColumns), let t = index(timeColumns) {
            return .events(account: a, user: u, event: e, time: t)
        }
        if let a = columns.firstIndex(of: "account"), let d = columns.firstIndex(of: "date"), let e = columns.firstIndex(of: "event"),
           let c = columns.firstIndex(of: "count") {
            return .dailyCounts(account: a, date: d, event: e, count: c, users: columns.firstIndex(of: "users"))
        }
        return nil
    }

    static func read(path: String, layout: Layout, file: String, rules: Importer.Rules, progress: ((Int) throws -> Void)?) throws -> UsageBatch {
        var acc = UsageAccumulator()
        var problems: [ImportProblem] = []
        var withoutAccount = 0, notTrack = 0
        var lines = 0
        let today = rules.today.ordinal
        func problem(_ line: Int, _ column: Int, _ field: String?, _ message: String) {
            problems.append(ImportProblem(file: file, line: line, column: column, field: field, message: message))
        }
        /// The day of a time cell, or a problem saying why not.
        func day(_ text: ArraySlice<UInt8>, line: Int, column: Int, field: String) -> Int? {
            guard let d = Timestamp.day(text, offsetMinutes: rules.utcOffsetMinutes) else {
                problem(line, column, field, "'\(String(decoding: text, as: UTF8.self).excerpt)' is not a timestamp: write 2026-11-20T13:45:00Z, with an offset such as +08:00, or a date")
                return nil
            }
            guard d.ordinal <= today else { problem(line, column, field, "\(d) is after today (\(rules.today)): import what has happened"); return nil }
            guard UsageAccumulator.days.contains(d.ordinal) else { problem(line, column, field, "\(d) is before 1970"); return nil }
            return d.ordinal
        }
        func name(_ text: ArraySlice<UInt8>, _ interner: inout ByteInterner, line: Int, column: Int, field: String) -> Int32? {
            let t = LineReader.trim(text)
            guard String(validating: t, as: UTF8.self) != nil else { problem(line, column, field, "is not UTF-8 text"); return nil }
            return interner.id(t)
        }
        /// Each CSV row after the header, split into cells, with its line number; a row that
        /// cannot be split or is too short is a problem.
        func csvRows(width: Int, _ body: ([ArraySlice<UInt8>], Int) throws -> Void) throws {
            var cells: [ArraySlice<UInt8>] = []
            try LineReader.forEach(path: path) { line, number in
                lines = number
                if number == 1 || line.allSatisfy({ $0 == 0x20 }) { return }
                if number % 100_000 == 0 { try progress?(number) }
                guard LineReader.fields(line, into: &cells) else { problem(number, 1, nil, "a quoted field is not closed on this line"); return }
                guard cells.count >= width else { problem(number, cells.count + 1, nil, "expected at least \(width) fields as in the header, found \(cells.count)"); return }
                try body(cells, number)
                if problems.count >= problemCap { throw StopReading() }
            }
        }
        do {
            switch layout {
            case let .events(a, u, e, t):
                try csvRows(width: max(a, u, e, t) + 1) { cells, number in
                    let accountCell = LineReader.trim(cells[a])
                    if accountCell.isEmpty { withoutAccount += 1; return }
                    let userCell = LineReader.trim(cells[u]), eventCell = LineReader.trim(cells[e])
                    if userCell.isEmpty { problem(number, u + 1, "user", "every event needs a user"); return }
                    if eventCell.isEmpty { problem(number, e + 1, "event", "every row needs an event name"); return }
                    guard let d = day(LineReader.trim(cells[t]), line: number, column: t + 1, field: "timestamp"),
                          let account = name(accountCell, &acc.accounts, line: number, column: a + 1, field: "account"),
                          let event = name(eventCell, &acc.events, line: number, column: e + 1, field: "event") else { return }
                    acc.event(account: account, user: userCell, event: event, day: d)
                }
            case let .dailyCounts(a, dt, e, c, us):
                try csvRows(width: max(a, dt, e, c, us ?? 0) + 1) { cells, number in
                    let accountCell = LineReader.trim(cells[a]), eventCell = LineReader.trim(cells[e])
                    if accountCell.isEmpty { problem(number, a + 1, "account", "every row needs an account"); return }
                    if eventCell.isEmpty { problem(number, e + 1, "event", "every row needs an event name"); return }
                    let countText = String(decoding: LineReader.trim(cells[c]), as: UTF8.self)
                    guard let count = Int64(countText), count >= 0 else {
                        problem(number, c + 1, "count", "'\(countText.excerpt)' is not a count: a whole number ≥ 0"); return
                    }
                    var users: Int32 = -1
                    if let us {
                        let text = String(decoding: LineReader.trim(cells[us]), as: UTF8.self)
                        if !text.isEmpty {
                            guard let n = Int32(text), n >= 0 else { problem(number, us + 1, "users", "'\(text.excerpt)' is not a number of users: a whole number ≥ 0"); return }
                            users = n
                        }
                    }
                    let dateCell = LineReader.trim(cells[dt])
                    guard dateCell.count == 10, let d = day(dateCell, line: number, column: dt + 1, field: "date"),
                          let account = name(accountCell, &acc.accounts, line: number, column: a + 1, field: "account"),
                          let event = name(eventCell, &acc.events, line: number, column: e + 1, field: "event") else {
                        if dateCell.count != 10 { problem(number, dt + 1, "date", "'\(String(decoding: dateCell, as: UTF8.self).excerpt)' is not a date: write YYYY-MM-DD") }
                        return
                    }
                    if !acc.count(account: account, event: event, day: d, count: count, users: users) {
                        problem(number, e + 1, "event", "\(String(decoding: accountCell, as: UTF8.self)) \(Day(ordinal: d)) \(String(decoding: eventCell, as: UTF8.self)) is given twice in this file")
                    }
                }
            case .ndjson:
                try LineReader.forEach(path: path) { line, number in
                    lines = number
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                    if number % 100_000 == 0 { try progress?(number) }
                    guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                        problem(number, 1, nil, "is not a JSON object on one line (NDJSON: one event per line)"); return
                    }
                    guard let event = JSONEvent(object) else { notTrack += 1; return }
                    guard let accountName = event.account, !accountName.trimmingSpaces.isEmpty else { withoutAccount += 1; return }
                    guard let eventName = event.name, !eventName.trimmingSpaces.isEmpty else { problem(number, 1, "event", "an event without a name"); return }
                    guard let user = event.user, !user.isEmpty else { problem(number, 1, "user", "an event without a user (userId or anonymousId)"); return }
                    guard let time = event.time else { problem(number, 1, "timestamp", "an event without a timestamp"); return }
                    guard let d = day(Array(time.utf8)[...], line: number, column: 1, field: "timestamp") else { return }
                    let account = acc.accounts.id(Array(accountName.trimmingSpaces.utf8)[...])
                    let eventID = acc.events.id(Array(eventName.trimmingSpaces.utf8)[...])
                    acc.event(account: account, user: Array(user.utf8)[...], event: eventID, day: d)
                    if problems.count >= problemCap { throw StopReading() }
                }
            }
        } catch is StopReading {
        } catch let error as CocoaError where error.code == .fileReadNoPermission {
            throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 0, column: 0, message: "cannot be read (permissions?)")], rowsChecked: 0)
        }
        if acc.events.count > 0xFFFF { problem(lines, 1, "event", "more than 65,535 distinct event names: cse keeps counts for at most that many") }
        if !problems.isEmpty { throw ImportFailure(file: file, problems: problems, rowsChecked: max(lines - 1, 0)) }
        let source: UsageBatch.Source = { if case .dailyCounts = layout { return .dailyCounts }; return .events }()
        return acc.batch(source: source, withoutAccount: withoutAccount, notTrack: notTrack)
    }

    private struct StopReading: Error {}
}

/// One line of an NDJSON export: a Segment `track` call (`event`, `userId`/`anonymousId`,
/// `timestamp`, the account in `context.groupId` or `groupId`) or an Amplitude event
/// (`event_type`, `user_id`, `event_time` in UTC, the account in `groups`). nil for a
/// Segment call that is not a track (identify, group, page …).
struct JSONEvent {
    var name, user, time, account: String?

    init?(_ o: [String: Any]) {
        func text(_ v: Any?) -> String? {
            switch v {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        if let type = o["type"] as? String, type != "track" { return nil }
        let context = o["context"] as? [String: Any]
        let properties = o["properties"] as? [String: Any]
        name = text(o["event"]) ?? text(o["event_type"])
        user = text(o["userId"]) ?? text(o["anonymousId"]) ?? text(o["user_id"]) ?? text(o["device_id"])
        time = text(o["timestamp"]) ?? text(o["event_time"]) ?? text(o["originalTimestamp"])
        var account = text(context?["groupId"]) ?? text(o["groupId"]) ?? text(properties?["groupId"]) ?? text(o["account"])
        if account == nil, let groups = o["groups"] as? [String: Any], let first = groups.keys.sorted().first {
            let value = groups[first]
            account = text(value) ?? (value as? [Any])?.first.flatMap(text)
        }
        self.account = account
    }
}
