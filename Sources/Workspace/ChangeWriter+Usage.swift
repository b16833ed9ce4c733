import GRDB

/// Product usage and custom metrics, written and read the same in both stores.
extension ChangeWriter {
    /// Replaces a range of days with a slice; returns the slice that puts back what was there,
    /// or nil when the range already holds exactly the slice (a file imported again).
    func replaceUsage(_ slice: UsageSlice) throws -> Change? {
        let range = [slice.first.ordinal.databaseValue, slice.last.ordinal.databaseValue]
        let eventList = slice.events.map(String.init).joined(separator: ",")
        let accountList = slice.accounts.map(String.init).joined(separator: ",")
        let inRange = "account_id IN (\(accountList)) AND day BETWEEN ? AND ?"
        let countsWhere = slice.source == .events
            ? "\(inRange) AND (from_events = 1 OR event_id IN (\(eventList)))"
            : "\(inRange) AND event_id IN (\(eventList))"
        var old = slice
        old.userDays = []
        old.eventDays = []
        if slice.source == .events {
            try s.each("SELECT account_id, day, user_id, events FROM user_day WHERE \(inRange) ORDER BY account_id, day, user_id", range) { r in
                old.userDays.append(.init(account: r[0], day: r[1], user: r[2], events: UInt64(bitPattern: r[3] as Int64)))
            }
        }
        try s.each("SELECT account_id, day, event_id, count, users, from_events FROM event_day WHERE \(countsWhere) ORDER BY account_id, day, event_id", range) { r in
            old.eventDays.append(.init(account: r[0], day: r[1], event: r[2], count: r[3], users: r[4], fromEvents: r[5]))
        }
        old.coverage = [:]
        for account in slice.accounts { old.coverage[account] = try coverage(accountID: account).spans }
        if old.userDays == slice.userDays && old.eventDays == slice.eventDays && old.coverage == slice.coverage { return nil }
        touched.formUnion(slice.accounts)
        if slice.source == .events { try s.execute("DELETE FROM user_day WHERE \(inRange)", range) }
        try s.execute("DELETE FROM event_day WHERE \(countsWhere)", range)
        try s.insertMany(into: "user_day", columns: ["account_id", "day", "user_id", "events"], rows: slice.userDays.map {
            [$0.account.databaseValue, $0.day.databaseValue, $0.user.databaseValue, Int64(bitPattern: $0.events).databaseValue]
        })
        try s.insertMany(into: "event_day", columns: ["account_id", "day", "event_id", "count", "users", "from_events"], rows: slice.eventDays.map {
            [$0.account.databaseValue, $0.day.databaseValue, $0.event.databaseValue, $0.count.databaseValue, $0.users.databaseValue,
             $0.fromEvents.databaseValue]
        })
        for account in slice.accounts {
            try s.execute("DELETE FROM usage_coverage WHERE account_id = ?", account)
            try s.insertMany(into: "usage_coverage", columns: ["account_id", "source", "first_day", "last_day"], rows: (slice.coverage[account] ?? []).map {
                [account.databaseValue, $0.source.rawValue.databaseValue, $0.first.ordinal.databaseValue, $0.last.ordinal.databaseValue]
            })
        }
        return .replaceUsage(old)
    }

    func coverage(accountID: Int64) throws -> UsageCoverage {
        UsageCoverage(spans: try s.rows("SELECT source, first_day, last_day FROM usage_coverage WHERE account_id = ? ORDER BY first_day", accountID).map {
            UsageCoverage.Span(source: UsageBatch.Source(rawValue: $0[0] as String) ?? .events, first: Day(ordinal: $0[1] as Int), last: Day(ordinal: $0[2] as Int))
        })
    }

    /// Writes an event import (its accounts already found or created): its events and users
    /// get ids, and its range of days is replaced.
    func apply(_ usage: UsageBatch, accountIDs: [Int64], undo: inout [Change], summary: inout ImportSummary, tick: () throws -> Void) throws {
        var eventIDs: [String: Int64] = [:]
        for row in try s.rows("SELECT id, name FROM usage_event") { eventIDs[UsageRules.key(row[1])] = row[0] }
        let ids: [Int64] = try usage.events.map { name in
            if let id = eventIDs[UsageRules.key(name)] { return id }
            let id = try s.insert("INSERT INTO usage_event (name) VALUES (?) RETURNING id", name)
            eventIDs[UsageRules.key(name)] = id
            return id
        }
        // A file's event bits become the workspace's.
        let bits = ids.map { UsageSlice.bit(event: $0) }
        func mask(_ fileMask: UInt64) -> UInt64 {
            var m: UInt64 = 0
            var rest = fileMask
            while rest != 0 {
                let i = rest.trailingZeroBitCount
                if i < 63 { m |= bits[i] } else { for j in 63..<bits.count { m |= bits[j] } }
                rest &= rest - 1
            }
            return m
        }
        var userIDs: [Int64] = []
        if !usage.users.isEmpty {
            var known: [String: Int64] = [:]
            try s.each("SELECT id, account_id, name FROM usage_user", []) { row in known["\(row[1] as Int64) \(row[2] as String)"] = row[0] }
            userIDs.reserveCapacity(usage.users.count)
            for user in usage.users {
                let account = accountIDs[Int(user.account)]
                if let id = known["\(account) \(user.name)"] { userIDs.append(id); continue }
                userIDs.append(try s.insert("INSERT INTO usage_user (account_id, name) VALUES (?, ?) RETURNING id", account, user.name))
            }
        }
        let accountOfUser = usage.users.map { accountIDs[Int($0.account)] }
        let accounts = Array(Set(accountIDs)).sorted()
        var coverage: [Int64: [UsageCoverage.Span]] = [:]
        for account in accounts {
            coverage[account] = try self.coverage(accountID: account).adding(.init(source: usage.source, first: usage.first, last: usage.last))
        }
        var slice = UsageSlice(source: usage.source, first: usage.first, last: usage.last, accounts: accounts, events: ids,
                               userDays: [], eventDays: [], coverage: coverage)
        slice.userDays = usage.userDays.map {
            .init(account: accountOfUser[Int($0.user)], day: Int($0.day), user: userIDs[Int($0.user)], events: mask($0.events))
        }
        // Sorted by key, the rows go into the tables' B-trees in order.
        slice.userDays.sort { ($0.account, $0.day, $0.user) < ($1.account, $1.day, $1.user) }
        slice.eventDays = usage.eventDays.map {
            .init(account: accountIDs[Int($0.account)], day: Int($0.day), event: ids[Int($0.event)], count: $0.count,
                  users: $0.users < 0 ? nil : Int64($0.users), fromEvents: usage.source == .events)
        }
        slice.eventDays.sort { ($0.account, $0.day, $0.event) < ($1.account, $1.day, $1.event) }
        try tick()
        if let inverse = try replaceUsage(slice) {
            if case .replaceUsage(let old) = inverse { summary.usageDaysReplaced = old.eventDays.count + old.userDays.count }
            undo.append(inverse)
        } else {
            summary.usageUnchanged = true
        }
        summary.usageRows = usage.rows
        summary.usageAccounts = usage.accounts.count
        summary.usageUsers = usage.users.count
        summary.usageEvents = usage.events.count
    }

    /// Whether one account-week's custom metrics already hold these values (nil: none stored).
    func customMetricsMatch(accountID: Int64, week: Day, values: [String: Double?]) throws -> Bool {
        for (name, value) in values {
            let stored = try s.row("SELECT value FROM custom_metric WHERE account_id = ? AND week = ? AND name = ?", accountID, week.description, name).map { $0[0] as Double }
            if stored != value { return false }
        }
        return true
    }

    /// Sets named custom metrics of one account-week; returns what restores them.
    func setCustomMetrics(accountID: Int64, week: Day, values: [String: Double?]) throws -> Change {
        touched.insert(accountID)
        var old: [String: Double?] = [:]
        let day = week.description
        for (name, value) in values {
            old[name] = try s.row("SELECT value FROM custom_metric WHERE account_id = ? AND week = ? AND name = ?", accountID, day, name).map { $0[0] as Double? } ?? nil
            if let value {
                try s.execute("""
                    INSERT INTO custom_metric (account_id, week, name, value) VALUES (?, ?, ?, ?)
                    ON CONFLICT (account_id, week, name) DO UPDATE SET value = excluded.value
                    """, accountID, day, name, value)
            } else {
                try s.execute("DELETE FROM custom_metric WHERE account_id = ? AND week = ? AND name = ?", accountID, day, name)
            }
        }
        return .setCustomMetrics(accountID: accountID, week: week, values: old)
    }

    func usage(accountID: Int64, from: Day, through: Day) throws -> UsageHistory? {
        let coverage = try coverage(accountID: accountID)
        guard !coverage.isEmpty else { return nil }
        var history = UsageHistory(coverage: coverage, events: [:], userDays: [], eventDays: [])
        for row in try s.rows("SELECT id, name FROM usage_event") { history.events[row[0]] = row[1] }
        let range = [accountID.databaseValue, from.ordinal.databaseValue, through.ordinal.databaseValue]
        try s.each("SELECT day, user_id, events FROM user_day WHERE account_id = ? AND day BETWEEN ? AND ? ORDER BY day", range) { r in
            history.userDays.append(.init(day: r[0], user: r[1], events: UInt64(bitPattern: r[2] as Int64)))
        }
        try s.each("SELECT day, event_id, count, users FROM event_day WHERE account_id = ? AND day BETWEEN ? AND ? ORDER BY day", range) { r in
            history.eventDays.append(.init(day: r[0], event: r[1], count: r[2], users: r[3]))
        }
        return history
    }

    func customMetrics(accountID: Int64) throws -> [CustomMetric] {
        var series: [String: [(Day, Double)]] = [:]
        try s.each("SELECT week, name, value FROM custom_metric WHERE account_id = ? ORDER BY week", [accountID.databaseValue]) { r in
            guard let week = Day(iso: r[0]) else { return }
            series[r[1] as String, default: []].append((week, r[2] as Double))
        }
        return series.map { CustomMetric(name: $0.key, source: .snapshots, weeks: $0.value) }.sorted { $0.name < $1.name }
    }
}
