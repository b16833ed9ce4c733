import GRDB

/// Product usage and custom metrics in the SQLite store.
extension SQLiteStore {
    /// Replaces a range of days with a slice; returns the slice that puts back what was there.
    func replaceUsage(_ slice: UsageSlice, _ db: Database) throws -> Change {
        let range: StatementArguments = [slice.first.ordinal, slice.last.ordinal]
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
            let rows = try Row.fetchCursor(db, sql: "SELECT account_id, day, user_id, events FROM user_day WHERE \(inRange)", arguments: range)
            while let r = try rows.next() {
                old.userDays.append(.init(account: r[0], day: r[1], user: r[2], events: UInt64(bitPattern: r[3])))
            }
            try db.execute(sql: "DELETE FROM user_day WHERE \(inRange)", arguments: range)
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT account_id, day, event_id, count, users, from_events FROM event_day WHERE \(countsWhere)", arguments: range)
        while let r = try rows.next() {
            old.eventDays.append(.init(account: r[0], day: r[1], event: r[2], count: r[3], users: r[4], fromEvents: r[5]))
        }
        try db.execute(sql: "DELETE FROM event_day WHERE \(countsWhere)", arguments: range)
        let userInsert = try db.makeStatement(sql: "INSERT INTO user_day (account_id, day, user_id, events) VALUES (?, ?, ?, ?)")
        for u in slice.userDays {
            try userInsert.execute(arguments: [u.account, u.day, u.user, Int64(bitPattern: u.events)])
        }
        let countInsert = try db.makeStatement(sql: "INSERT INTO event_day (account_id, day, event_id, count, users, from_events) VALUES (?, ?, ?, ?, ?, ?)")
        for e in slice.eventDays {
            try countInsert.execute(arguments: [e.account, e.day, e.event, e.count, e.users, e.fromEvents])
        }
        old.coverage = [:]
        let insert = try db.makeStatement(sql: "INSERT INTO usage_coverage (account_id, source, first_day, last_day) VALUES (?, ?, ?, ?)")
        for account in slice.accounts {
            old.coverage[account] = try coverage(db, accountID: account).spans
            try db.execute(sql: "DELETE FROM usage_coverage WHERE account_id = ?", arguments: [account])
            for span in slice.coverage[account] ?? [] {
                try insert.execute(arguments: [account, span.source.rawValue, span.first.ordinal, span.last.ordinal])
            }
        }
        return .replaceUsage(old)
    }

    func coverage(_ db: Database, accountID: Int64) throws -> UsageCoverage {
        UsageCoverage(spans: try Row.fetchAll(db, sql: "SELECT source, first_day, last_day FROM usage_coverage WHERE account_id = ? ORDER BY first_day",
                                              arguments: [accountID]).map {
            UsageCoverage.Span(source: UsageBatch.Source(rawValue: $0[0]) ?? .events, first: Day(ordinal: $0[1]), last: Day(ordinal: $0[2]))
        })
    }

    /// Writes an event import (its accounts already found or created): its events and users
    /// get ids, and its range of days is replaced.
    func apply(_ usage: UsageBatch, _ db: Database, accountIDs: [Int64], undo: inout [Change], summary: inout ImportSummary,
               tick: () throws -> Void) throws {
        var eventIDs: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM usage_event") { eventIDs[UsageRules.key(row[1])] = row[0] }
        let ids: [Int64] = try usage.events.map { name in
            if let id = eventIDs[UsageRules.key(name)] { return id }
            try db.execute(sql: "INSERT INTO usage_event (name) VALUES (?)", arguments: [name])
            eventIDs[UsageRules.key(name)] = db.lastInsertedRowID
            return db.lastInsertedRowID
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
            for row in try Row.fetchAll(db, sql: "SELECT id, account_id, name FROM usage_user") { known["\(row[1] as Int64) \(row[2] as String)"] = row[0] }
            let insert = try db.makeStatement(sql: "INSERT INTO usage_user (account_id, name) VALUES (?, ?)")
            userIDs.reserveCapacity(usage.users.count)
            for user in usage.users {
                let account = accountIDs[Int(user.account)]
                if let id = known["\(account) \(user.name)"] { userIDs.append(id); continue }
                try insert.execute(arguments: [account, user.name])
                userIDs.append(db.lastInsertedRowID)
            }
        }
        let accountOfUser = usage.users.map { accountIDs[Int($0.account)] }
        let accounts = Array(Set(accountIDs)).sorted()
        var coverage: [Int64: [UsageCoverage.Span]] = [:]
        for account in accounts {
            coverage[account] = try self.coverage(db, accountID: account).adding(.init(source: usage.source, first: usage.first, last: usage.last))
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
        let inverse = try replaceUsage(slice, db)
        if case .replaceUsage(let old) = inverse { summary.usageDaysReplaced = old.eventDays.count + old.userDays.count }
        undo.append(inverse)
        summary.usageRows = usage.rows
        summary.usageAccounts = usage.accounts.count
        summary.usageUsers = usage.users.count
        summary.usageEvents = usage.events.count
    }

    /// Sets named custom metrics of one account-week; returns what restores them.
    func setCustomMetrics(_ db: Database, accountID: Int64, week: Day, values: [String: Double?]) throws -> Change {
        var old: [String: Double?] = [:]
        let select = try db.cachedStatement(sql: "SELECT value FROM custom_metric WHERE account_id = ? AND week = ? AND name = ?")
        let upsert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO custom_metric (account_id, week, name, value) VALUES (?, ?, ?, ?)")
        let delete = try db.cachedStatement(sql: "DELETE FROM custom_metric WHERE account_id = ? AND week = ? AND name = ?")
        let day = week.description
        for (name, value) in values {
            old[name] = try Double.fetchOne(select, arguments: [accountID, day, name])
            if let value {
                try upsert.execute(arguments: [accountID, day, name, value])
            } else {
                try delete.execute(arguments: [accountID, day, name])
            }
        }
        return .setCustomMetrics(accountID: accountID, week: week, values: old)
    }

    public func usage(accountID: Int64, from: Day, through: Day) throws -> UsageHistory? {
        try read { db in
            let coverage = try coverage(db, accountID: accountID)
            guard !coverage.isEmpty else { return nil }
            var history = UsageHistory(coverage: coverage, events: [:], userDays: [], eventDays: [])
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM usage_event") { history.events[row[0]] = row[1] }
            let range: StatementArguments = [accountID, from.ordinal, through.ordinal]
            let users = try Row.fetchCursor(db, sql: "SELECT day, user_id, events FROM user_day WHERE account_id = ? AND day BETWEEN ? AND ? ORDER BY day", arguments: range)
            while let r = try users.next() { history.userDays.append(.init(day: r[0], user: r[1], events: UInt64(bitPattern: r[2]))) }
            let counts = try Row.fetchCursor(db, sql: "SELECT day, event_id, count, users FROM event_day WHERE account_id = ? AND day BETWEEN ? AND ? ORDER BY day", arguments: range)
            while let r = try counts.next() { history.eventDays.append(.init(day: r[0], event: r[1], count: r[2], users: r[3])) }
            return history
        }
    }

    public func hasUsage() throws -> Bool {
        try read { try Bool.fetchOne($0, sql: "SELECT 1 FROM usage_coverage LIMIT 1") ?? false }
    }

    public func customMetrics(accountID: Int64) throws -> [CustomMetric] {
        try read { db in
            var series: [String: [(Day, Double)]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT week, name, value FROM custom_metric WHERE account_id = ? ORDER BY week", arguments: [accountID])
            while let r = try rows.next() {
                guard let week = Day(iso: r[0]) else { continue }
                series[r[1], default: []].append((week, r[2]))
            }
            return series.map { CustomMetric(name: $0.key, source: .snapshots, weeks: $0.value) }.sorted { $0.name < $1.name }
        }
    }
}
