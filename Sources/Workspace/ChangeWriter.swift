import GRDB

/// Writes edits inside one transaction of either store, each returning what undoes it.
/// The import writer and `SQLStore.apply` both go through it, so an edit is written one way.
/// With an author, new events, notes, tasks and goals carry their name, and `log` records
/// the change with the accounts it touched.
final class ChangeWriter {
    let s: SQLSession
    let author: Author?
    /// The accounts written so far.
    var touched = Set<Int64>()

    init(_ session: SQLSession, author: Author? = nil) {
        s = session
        self.author = author
    }

    /// Ends a change: the summaries of the accounts it touched are out of date, and it is
    /// logged; returns its number in the log.
    func finish(recordsOnly: Bool) throws -> Int64? {
        try outdateSummaries()
        return try log(recordsOnly: recordsOnly)
    }

    /// Bumps the stamp of every touched account's summary and clears its basis
    /// (`StoredSummary`), creating the row when there is none.
    func outdateSummaries() throws {
        try s.insertMany(into: "account_summary", columns: ["account_id", "stamp", "basis"],
                         rows: touched.sorted().map { [$0.databaseValue, 1.databaseValue, "".databaseValue] },
                         suffix: "ON CONFLICT (account_id) DO UPDATE SET stamp = account_summary.stamp + 1, basis = ''")
    }

    /// Adds the change to the log, in the same transaction; returns its number.
    func log(recordsOnly: Bool) throws -> Int64? {
        guard let author else { return nil }
        let id = try s.insert("INSERT INTO change_log (at, user_name, what, records_only) VALUES (?, ?, ?, ?) RETURNING id",
                              author.at, author.user, author.what, recordsOnly)
        try s.insertMany(into: "change_account", columns: ["change_id", "account_id"], rows: touched.sorted().map { [id.databaseValue, $0.databaseValue] })
        return id
    }

    /// Applies one change; returns what undoes it.
    func apply(_ change: Change) throws -> [Change] {
        if let id = change.accountID { touched.insert(id) }
        switch change {
        case .saveAccount(let account):
            guard let old = try s.fetch(Account.self, id: account.id) else { return [] }
            try s.update(account)
            try s.writeKeys([account])
            return [.saveAccount(old)]
        case let .setAccountFields(account, fields):
            guard let old = try s.fetch(Account.self, id: account.id) else { return [] }
            var merged = old
            merged.merge(account, fields: fields)
            try s.update(merged)
            try s.writeKeys([merged])
            return [.setAccountFields(old, fields)]
        case .insertAccount(var account):
            try s.insert(&account)
            try s.writeKeys([account])
            touched.insert(account.id!)
            return [.deleteAccount(account.id!)]
        case .deleteAccount(let id):
            guard let old = try s.fetch(Account.self, id: id) else { return [] }
            var restore: [Change] = [.insertAccount(old)]
            let ofAccount = "WHERE account_id = ? ORDER BY id"
            restore += try s.fetchAll(Contact.self, ofAccount, id).map { .putContact($0) }
            restore += try snapshots(accountID: id).map { .saveSnapshot($0) }
            restore += try s.fetchAll(Event.self, ofAccount, id).map { var e = $0; e.id = nil; return .addEvent(e) }
            restore += try s.fetchAll(Note.self, ofAccount, id).map { var n = $0; n.id = nil; return .addNote(n) }
            restore += try s.fetchAll(Goal.self, ofAccount, id).map { .putGoal($0) }
            restore += try s.fetchAll(Milestone.self, ofAccount, id).map { .putMilestone($0) }
            restore += try s.fetchAll(UseCase.self, ofAccount, id).map { .putUseCase($0) }
            restore += try s.fetchAll(CSMTask.self, ofAccount, id).map { .putTask($0) }
            let ledger = try s.fetchAll(Subscription.self, ofAccount, id)
            if !ledger.isEmpty { restore.append(.replaceLedger(accountIDs: [id], subscriptions: ledger)) }
            restore += try apply(.removeUsage(accountID: id))
            for (week, values) in Dictionary(grouping: try customMetrics(accountID: id).flatMap { m in m.weeks.map { (m.name, $0) } }, by: \.1.week)
                .sorted(by: { $0.key < $1.key }) {
                restore.append(.setCustomMetrics(accountID: id, week: week, values: Dictionary(values.map { ($0.0, Optional($0.1.value)) }, uniquingKeysWith: { a, _ in a })))
            }
            try s.delete(Account.self, id: id)
            return restore.reversed()
        case .saveSnapshot(let snapshot):
            let old = try fetchSnapshot(snapshot.accountID, snapshot.week)
            try upsert([snapshot])
            return [old.map { .saveSnapshot($0) } ?? .deleteSnapshot(accountID: snapshot.accountID, week: snapshot.week)]
        case let .deleteSnapshot(accountID, week):
            guard let old = try fetchSnapshot(accountID, week) else { return [] }
            try s.execute("DELETE FROM snapshot WHERE account_id = ? AND week = ?", accountID, week.description)
            return [.saveSnapshot(old)]
        case let .setContact(accountID, role, contact, day):
            return try setContact(accountID: accountID, role: role, contact: contact, on: day)
        case .putContact(let c): return [try put(c, Change.putContact, Change.deleteContact)]
        case .deleteContact(let id): return try delete(Contact.self, id, Change.putContact)
        case .addEvent(var event):
            event.id = nil
            event.author = event.author ?? author?.user
            try s.insert(&event)
            return [.deleteEvent(event.id!)]
        case .deleteEvent(let id):
            guard var old = try s.fetch(Event.self, id: id) else { return [] }
            touched.insert(old.accountID)
            try s.delete(Event.self, id: id)
            old.id = nil
            return [.addEvent(old)]
        case .addNote(var note):
            note.id = nil
            note.author = note.author ?? author?.user
            try s.insert(&note)
            return [.deleteNote(note.id!)]
        case .deleteNote(let id):
            guard var old = try s.fetch(Note.self, id: id) else { return [] }
            touched.insert(old.accountID)
            try s.delete(Note.self, id: id)
            old.id = nil
            return [.addNote(old)]
        case .putGoal(var goal):
            if goal.id == nil { goal.author = goal.author ?? author?.user }
            return [try put(goal, Change.putGoal, Change.deleteGoal)]
        case .deleteGoal(let id): return try delete(Goal.self, id, Change.putGoal)
        case .putMilestone(let m): return [try put(m, Change.putMilestone, Change.deleteMilestone)]
        case .deleteMilestone(let id): return try delete(Milestone.self, id, Change.putMilestone)
        case .putUseCase(let u): return [try put(u, Change.putUseCase, Change.deleteUseCase)]
        case .deleteUseCase(let id): return try delete(UseCase.self, id, Change.putUseCase)
        case .putTask(var t):
            if t.id == nil { t.author = t.author ?? author?.user }
            return [try put(t, Change.putTask, Change.deleteTask)]
        case .deleteTask(let id): return try delete(CSMTask.self, id, Change.putTask)
        case .putAlertState(let a): return [try put(a, Change.putAlertState, Change.deleteAlertState)]
        case .deleteAlertState(let id): return try delete(AlertState.self, id, Change.putAlertState)
        case let .replaceLedger(ids, subscriptions):
            return [try replaceLedger(accountIDs: ids, with: subscriptions)]
        case .replaceUsage(let slice):
            return try replaceUsage(slice).map { [$0] } ?? []
        case let .setCustomMetrics(accountID, week, values):
            return [try setCustomMetrics(accountID: accountID, week: week, values: values)]
        case let .setColumns(table, id, accountID, values):
            let columns = values.keys.sorted()
            guard !columns.isEmpty, let row = try s.row("SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE id = ?", id) else { return [] }
            try s.execute("UPDATE \(table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                          columns.map { values[$0]! } + [id.databaseValue])
            return [.setColumns(table: table, id: id, accountID: accountID,
                                values: Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, row.values[$0]) }))]
        case let .moveUsage(from, to):
            touched.formUnion([from, to])
            for table in ["usage_user", "user_day", "event_day", "usage_coverage"] {
                try s.execute("UPDATE \(table) SET account_id = ? WHERE account_id = ?", to, from)
            }
            return [.moveUsage(from: to, to: from)]
        case let .removeUsage(id):
            let spans = try coverage(accountID: id).spans
            guard let first = spans.map(\.first).min(), let last = spans.map(\.last).max() else { return [] }
            let users = try s.rows("SELECT id, name FROM usage_user WHERE account_id = ? ORDER BY id", id).map { UsageSlice.User(id: $0[0], name: $0[1]) }
            var slice = UsageSlice(source: .events, first: first, last: last, accounts: [id], events: [], userDays: [], eventDays: [], coverage: [id: spans])
            try s.each("SELECT account_id, day, user_id, events FROM user_day WHERE account_id = ? ORDER BY day, user_id", [id.databaseValue]) { r in
                slice.userDays.append(.init(account: r[0], day: r[1], user: r[2], events: UInt64(bitPattern: r[3] as Int64)))
            }
            try s.each("SELECT account_id, day, event_id, count, users, from_events FROM event_day WHERE account_id = ? ORDER BY day, event_id", [id.databaseValue]) { r in
                slice.eventDays.append(.init(account: r[0], day: r[1], event: r[2], count: r[3], users: r[4], fromEvents: r[5]))
            }
            for table in ["user_day", "event_day", "usage_coverage", "usage_user"] { try s.execute("DELETE FROM \(table) WHERE account_id = ?", id) }
            return [.putUsage(accountID: id, users: users, slice: slice)]
        case let .putUsage(id, users, slice):
            try s.insertMany(into: "usage_user", columns: ["id", "account_id", "name"], rows: users.map { [$0.id.databaseValue, id.databaseValue, $0.name.databaseValue] })
            try s.insertMany(into: "user_day", columns: ["account_id", "day", "user_id", "events"], rows: slice.userDays.map {
                [$0.account.databaseValue, $0.day.databaseValue, $0.user.databaseValue, Int64(bitPattern: $0.events).databaseValue]
            })
            try s.insertMany(into: "event_day", columns: ["account_id", "day", "event_id", "count", "users", "from_events"], rows: slice.eventDays.map {
                [$0.account.databaseValue, $0.day.databaseValue, $0.event.databaseValue, $0.count.databaseValue, $0.users.databaseValue, $0.fromEvents.databaseValue]
            })
            try s.insertMany(into: "usage_coverage", columns: ["account_id", "source", "first_day", "last_day"], rows: (slice.coverage[id] ?? []).map {
                [id.databaseValue, $0.source.rawValue.databaseValue, $0.first.ordinal.databaseValue, $0.last.ordinal.databaseValue]
            })
            return [.removeUsage(accountID: id)]
        }
    }

    /// Replaces these accounts' subscriptions; returns what puts the old ones back.
    func replaceLedger(accountIDs: [Int64], with subscriptions: [Subscription]) throws -> Change {
        touched.formUnion(accountIDs)
        var old: [Subscription] = []
        for chunk in stride(from: 0, to: accountIDs.count, by: 500).map({ Array(accountIDs[$0..<min($0 + 500, accountIDs.count)]) }) {
            let list = chunk.map(String.init).joined(separator: ",")
            old += try s.fetchAll(Subscription.self, "WHERE account_id IN (\(list)) ORDER BY id")
            try s.execute("DELETE FROM subscription WHERE account_id IN (\(list))", [])
        }
        try s.insertMany(into: "subscription", columns: ["account_id", "product", "start_date", "end_date", "mrr_cents"], rows: subscriptions.map {
            [$0.accountID.databaseValue, $0.product.databaseValue, $0.start.description.databaseValue, $0.end?.description.databaseValue ?? .null,
             $0.mrr.cents.databaseValue]
        })
        return .replaceLedger(accountIDs: accountIDs, subscriptions: old)
    }

    /// The accounts whose stored ledger is exactly the rows given for them (the same
    /// subscriptions, in any order): a ledger imported again.
    func ledgersMatching(_ subscriptions: [Subscription], accountIDs: [Int64]) throws -> Set<Int64> {
        func line(_ s: Subscription) -> String { "\(s.product)\u{1F}\(s.start)\u{1F}\(s.end?.description ?? "")\u{1F}\(s.mrr.cents)" }
        var given: [Int64: [String]] = [:]
        for subscription in subscriptions { given[subscription.accountID, default: []].append(line(subscription)) }
        var stored: [Int64: [String]] = [:]
        for chunk in stride(from: 0, to: accountIDs.count, by: 500).map({ Array(accountIDs[$0..<min($0 + 500, accountIDs.count)]) }) {
            for subscription in try s.fetchAll(Subscription.self, "WHERE account_id IN (\(chunk.map(String.init).joined(separator: ",")))") {
                stored[subscription.accountID, default: []].append(line(subscription))
            }
        }
        return Set(accountIDs.filter { given[$0, default: []].sorted() == stored[$0, default: []].sorted() })
    }

    /// Inserts a record without an id, or replaces the one with its id (inserting it
    /// again, with that id, when undo brings a deleted record back).
    private func put<R: AccountRecord>(_ record: R, _ wrap: (R) -> Change, _ remove: (Int64) -> Change) throws -> Change {
        var record = record
        touched.insert(record.accountID)
        if let old = try s.fetch(R.self, id: record.id) {
            try s.update(record)
            return wrap(old)
        }
        try s.insert(&record)
        return remove(record.id!)
    }

    private func delete<R: AccountRecord>(_ type: R.Type, _ id: Int64, _ wrap: (R) -> Change) throws -> [Change] {
        guard let old = try s.fetch(R.self, id: id) else { return [] }
        touched.insert(old.accountID)
        try s.delete(R.self, id: id)
        return [wrap(old)]
    }

    /// Puts a contact in a role on `day`: whoever held it is kept, replaced that day; the same
    /// person again (a CRM export loaded twice) is updated in place and keeps the day first
    /// recorded. Returns what undoes it, in the order applied.
    func setContact(accountID: Int64, role: Contact.Role, contact: Contact?, on day: Day) throws -> [Change] {
        let holders = try s.fetchAll(Contact.self, "WHERE account_id = ? AND role = ? ORDER BY id", accountID, role.rawValue).filter { $0.replacedOn == nil }
        if contact == nil && holders.isEmpty { return [] }  // an empty cell for a role nobody holds
        var undo: [Change] = []
        let same = contact.flatMap { c in holders.first { $0.name.comparable == c.name.comparable } }
        for old in holders where old.id != same?.id {
            undo.append(.putContact(old))
            var replaced = old
            replaced.replacedOn = day
            try s.update(replaced)
        }
        if let contact, let same, holders.count == 1, same.title == contact.title, same.email == contact.email {
            return []  // already on record as given: nothing to change
        }
        touched.insert(accountID)
        if let contact, let same {
            undo.append(.putContact(same))
            var updated = same
            updated.title = contact.title
            updated.email = contact.email
            try s.update(updated)
        } else if var contact {
            contact.accountID = accountID
            contact.id = nil
            contact.role = role
            contact.recordedOn = contact.recordedOn ?? day
            try s.insert(&contact)
            undo.append(.deleteContact(contact.id!))
        }
        return undo
    }

    /// Writes weeks, replacing those the accounts already have.
    func upsert(_ snapshots: [Snapshot]) throws {
        try s.insertMany(into: "snapshot", columns: Snapshot.columns, rows: snapshots.map(\.arguments), suffix: Snapshot.upsertSuffix)
    }

    func fetchSnapshot(_ accountID: Int64, _ week: Day) throws -> Snapshot? {
        try s.row("SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot WHERE account_id = ? AND week = ?", accountID, week.description)
            .map(Snapshot.init(row:))
    }

    func snapshots(accountID: Int64) throws -> [Snapshot] {
        try s.rows("SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot WHERE account_id = ? ORDER BY week", accountID).map(Snapshot.init(row:))
    }

    /// Records `user`'s look at the alerts: a firing alert not yet known gets its state; the
    /// ones `user` has not seen before are new to them (returned by id), whoever else has
    /// looked. Known ones of `accounts` (every account when nil) that no longer fire are dropped.
    func noteAlerts(_ firing: [(accountID: Int64, key: String)], of accounts: Set<Int64>?, on day: Day, by user: String) throws -> (states: [AlertState], new: Set<Int64>) {
        // Each firing alert's first place in `firing` (`first`), found through its account's
        // places: accounts are hashed, never the keys, for a book's 150,000 alerts.
        var head = [Int64: Int](minimumCapacity: firing.count), next = [Int](repeating: -1, count: firing.count)
        for i in firing.indices.reversed() {
            if let h = head.updateValue(i, forKey: firing[i].accountID) { next[i] = h }
        }
        func place(from start: Int?, where same: (String) -> Bool) -> Int? {
            var j = start ?? -1
            while j >= 0, !same(firing[j].key) { j = next[j] }
            return j >= 0 ? j : nil
        }
        let first = firing.indices.map { i in place(from: head[firing[i].accountID]) { $0 == firing[i].key }! }
        var states = [AlertState?](repeating: nil, count: firing.count)
        // Quiet now: forgotten, so a later firing is new again; its task (from 'alert ack') is done.
        // Each state's key is matched as the bytes the store holds: a book has 150,000.
        var gone: [Int64] = []
        try s.each("SELECT id, account_id, first_seen, acked, snoozed_until, key FROM alert_state", [], raw: 5) { row, key in
            let accountID: Int64 = row[1]
            if let i = place(from: head[accountID], where: { $0.utf8.elementsEqual(key) }) {
                states[i] = AlertState(id: row[0], accountID: accountID, key: firing[i].key, firstSeen: Day(column: row.values[2]) ?? Day(ordinal: 0),
                                       acked: Day(column: row.values[3]), snoozedUntil: Day(column: row.values[4]))
            } else if accounts?.contains(accountID) ?? true {
                gone.append(row[0])
            }
        }
        // A book's worth at a time, not a statement each.
        for block in stride(from: 0, to: gone.count, by: 500).map({ gone[$0..<min($0 + 500, gone.count)] }) {
            let marks = block.map { _ in "?" }.joined(separator: ", ")
            try s.execute("DELETE FROM alert_state WHERE id IN (\(marks))", block.map(\.databaseValue))
            try s.execute("UPDATE task SET done = ? WHERE done IS NULL AND source IN (\(marks))",
                          [day.description.databaseValue] + block.map { AlertState.taskSource($0).databaseValue })
        }
        let fresh = states.indices.filter { states[$0] == nil && first[$0] == $0 }
        let ids = try s.insertReturningIDs(into: "alert_state", columns: ["account_id", "key", "first_seen"],
                                           rows: fresh.map { [firing[$0].accountID.databaseValue, firing[$0].key.databaseValue, day.description.databaseValue] })
        for (i, id) in zip(fresh, ids) { states[i] = AlertState(id: id, accountID: firing[i].accountID, key: firing[i].key, firstSeen: day) }
        let seen = Set(try s.rows("SELECT alert_id FROM alert_look WHERE user_name = ?", user).map { $0[0] as Int64 })
        let unseen = states.compactMap { $0?.id }.filter { !seen.contains($0) }
        try s.insertMany(into: "alert_look", columns: ["alert_id", "user_name", "seen"],
                         rows: unseen.map { [$0.databaseValue, user.databaseValue, day.description.databaseValue] })
        return (first.map { states[$0]! }, Set(unseen))
    }
}
