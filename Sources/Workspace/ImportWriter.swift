import GRDB

/// Writes a whole import inside one transaction of either store: finds each row's account by
/// name or alias (creating the ones the workspace lacks), merges, and keeps what undoes it.
struct ImportWriter {
    let writer: ChangeWriter
    let batch: ImportBatch
    let progress: ((Int, Int) throws -> Void)?

    private var s: SQLSession { writer.s }

    init(_ writer: ChangeWriter, batch: ImportBatch, progress: ((Int, Int) throws -> Void)?) {
        self.writer = writer
        self.batch = batch
        self.progress = progress
    }

    /// What the writer has done so far.
    private struct State {
        var index: AccountIndex
        var created = Set<Int64>()
        var undo: [Change] = []
        var summary = ImportSummary()
    }

    func run() throws -> ImportSummary {
        let storedAccounts = try s.fetchAll(Account.self)
        var state = State(index: AccountIndex(storedAccounts))
        if !batch.createNearNames { try refuseNearNames(known: state.index, accounts: storedAccounts) }
        let total = batch.accounts.count + batch.contactRows.count + batch.snapshots.count + batch.events.count + batch.subscriptions.count
        var done = 0
        func tick(_ n: Int = 1) throws {
            let before = done / 2000
            done += n
            if done / 2000 != before { try progress?(done, total) }
        }

        // New accounts go in together; a name given twice is one account, the later row merged in.
        var new: [Account] = []
        var pending: [String: Int] = [:]
        for incoming in batch.accounts {
            if let id = state.index.id(for: incoming.name) {
                let old = try s.fetch(Account.self, id: id)!
                var existing = old
                existing.merge(incoming, fields: batch.accountFields)
                // A row found by an alias, or spelt another way, does not rename the account: 'account rename' does.
                existing.name = old.name
                if batch.addAliases { existing.aliases = old.aliases + incoming.aliases.filter { a in !old.aliases.contains { $0.comparable == a.comparable } } }
                if existing == old {
                    state.summary.accountsUnchanged += 1
                    try tick()
                    continue
                }
                try s.update(existing)
                try s.writeKeys([existing])
                writer.touched.insert(id)
                state.undo.append(.saveAccount(old))
                state.summary.accountsUpdated += 1
            } else if let i = pending[incoming.name.comparable] {
                new[i].merge(incoming, fields: batch.accountFields)
                state.summary.accountsUpdated += 1
            } else {
                var account = incoming
                account.id = nil
                pending[account.name.comparable] = new.count
                for alias in account.aliases where pending[alias.comparable] == nil { pending[alias.comparable] = new.count }
                new.append(account)
                state.summary.accountsCreated += 1
            }
            try tick()
        }
        try s.insert(&new)
        try s.writeKeys(new)
        for account in new {
            state.index.add(account)
            state.created.insert(account.id!)
            writer.touched.insert(account.id!)
            state.undo.append(.deleteAccount(account.id!))
        }

        for (name, role, contact) in batch.contacts {
            guard let id = state.index.id(for: name) else { continue }
            let inverse = try writer.setContact(accountID: id, role: role, contact: contact, on: contact?.recordedOn ?? batch.day ?? Day(ordinal: 0))
            if !state.created.contains(id) { state.undo += inverse }
            if contact != nil { if inverse.isEmpty { state.summary.contactsUnchanged += 1 } else { state.summary.contactsSet += 1 } }
        }

        // A contacts file's roles first: a person listed without one whose role another row
        // takes stays on record without one.
        for (name, person) in batch.contactRows.filter({ $0.contact.role != nil }) + batch.contactRows.filter({ $0.contact.role == nil }) {
            let id = try account(name, &state)
            let (outcome, inverse) = try writer.putPerson(accountID: id, person, on: batch.day ?? person.recordedOn ?? Day(ordinal: 0))
            if !state.created.contains(id) { state.undo += inverse }
            switch outcome {
            case .added: state.summary.contactsAdded += 1
            case .updated: state.summary.contactsUpdated += 1
            case .unchanged: state.summary.contactsUnchanged += 1
            }
            try tick()
        }

        try writeSnapshots(&state, tick: tick)

        if !batch.subscriptions.isEmpty {
            var ids: [Int64] = []
            var seen = Set<Int64>()
            var rows: [Subscription] = []
            rows.reserveCapacity(batch.subscriptions.count)
            for (name, subscription) in batch.subscriptions {
                let id = try account(name, &state, profile: batch.ledgerProfiles[name])
                if seen.insert(id).inserted { ids.append(id) }
                var s = subscription
                s.accountID = id
                rows.append(s)
                try tick()
            }
            // An account whose ledger is already what the file says is left as it is.
            let same = try writer.ledgersMatching(rows, accountIDs: ids)
            state.summary.subscriptionsUnchanged = rows.count { same.contains($0.accountID) }
            let changed = ids.filter { !same.contains($0) }
            if !changed.isEmpty {
                let inverse = try writer.replaceLedger(accountIDs: changed, with: rows.filter { !same.contains($0.accountID) })
                if case let .replaceLedger(_, old) = inverse { state.summary.subscriptionsReplaced = old.count }
                state.summary.subscriptionsAdded = rows.count - state.summary.subscriptionsUnchanged
                state.undo.append(inverse)
            }
        }

        if let usage = batch.usage {
            let ids = try usage.accounts.map { try account($0, &state) }
            try writer.apply(usage, accountIDs: ids, undo: &state.undo, summary: &state.summary, tick: { try tick() })
        }

        var events: [Event] = []
        events.reserveCapacity(batch.events.count)
        let eventAccounts = try batch.events.map { try account($0.account, &state) }
        var stored = try storedEvents(eventAccounts, dates: batch.events.map(\.event.date))
        let withSourceIDs = batch.events.contains { $0.event.sourceID != nil } ? try storedEventsBySourceID(eventAccounts) : [:]
        for (name, event) in batch.events {
            var event = event
            event.accountID = try account(name, &state)
            // The same record of the source: updated where the file changed it.
            if let sourceID = event.sourceID, let old = withSourceIDs[SourceKey(account: event.accountID, id: sourceID)] {
                var new = old
                (new.date, new.kind, new.details) = (event.date, event.kind, event.details)
                if new == old {
                    state.summary.eventsPresent += 1
                } else {
                    state.undo += try writer.apply(try Change.edit(old, new))
                    state.summary.eventsUpdated += 1
                }
                try tick()
                continue
            }
            // Already stored (a file imported again): not added twice. A file that holds one
            // event twice (two calls that day) holds it twice, as the store may.
            let key = EventKey(event)
            if let n = stored[key], n > 0 {
                stored[key] = n - 1
                state.summary.eventsPresent += 1
                try tick()
                continue
            }
            writer.touched.insert(event.accountID)
            event.author = event.author ?? writer.author?.user
            events.append(event)
            try tick()
        }
        try s.insert(&events)
        for event in events where !state.created.contains(event.accountID) { state.undo.append(.deleteEvent(event.id!)) }
        state.summary.eventsAdded += events.count
        try progress?(total, total)
        state.summary.undo = state.undo.reversed()
        // A file imported again changes nothing: no change is logged, no summary outdated.
        state.summary.change = writer.touched.isEmpty ? nil : try writer.finish(recordsOnly: false)
        return state.summary
    }

    /// Names the workspace lacks that are near an account it has (`NearNames`): refused
    /// together, before anything is written.
    private func refuseNearNames(known index: AccountIndex, accounts: [Account]) throws {
        var seen = Set<String>()
        let unknown = batch.accountNames.filter { index.id(for: $0) == nil && seen.insert($0.comparable).inserted }
        guard !unknown.isEmpty else { return }
        let near = NearNames(accounts.flatMap { a in ([a.name] + a.aliases).map { (key: $0.comparable, shown: a.name) } })
        let byName = Dictionary(accounts.map { ($0.name, $0.aliases) }, uniquingKeysWith: { a, _ in a })
        let pairs = unknown.compactMap { name in near.near(name).map { NearNameRefusal.Pair(given: name, existing: $0, aliases: byName[$0] ?? []) } }
        if !pairs.isEmpty { throw NearNameRefusal(pairs: pairs) }
    }

    /// Weeks go in blocks: a block's stored weeks are read in one query (only those need their
    /// old values kept for undo), then the block is written in one statement.
    private func writeSnapshots(_ state: inout State, tick: (Int) throws -> Void) throws {
        // Columns the file does not carry keep what a stored week has (a file of the
        // workspace's own metrics alone carries none of them).
        let untracked = SnapshotField.allCases.filter { !batch.snapshotFields.contains($0) }
        // Only accounts with weeks already stored can have one replaced: read them once.
        let withWeeks = batch.snapshots.isEmpty ? [] : Set(try s.rows("SELECT DISTINCT account_id FROM snapshot").map { $0[0] as Int64 })
        let block = 5000
        for start in stride(from: 0, to: batch.snapshots.count, by: block) {
            let rows = start..<min(start + block, batch.snapshots.count)
            var snapshots: [Snapshot] = []
            snapshots.reserveCapacity(rows.count)
            for row in rows {
                var snapshot = batch.snapshots[row].1
                snapshot.accountID = try account(batch.snapshots[row].0, &state)
                snapshots.append(snapshot)
            }
            var stored = try storedWeeks(of: snapshots.filter { withWeeks.contains($0.accountID) })
            // A week given twice is written once, as its last row: one statement cannot write a row twice.
            var toWrite: [Snapshot] = []
            var position: [SnapshotKey: Int] = [:]
            for (i, row) in rows.enumerated() {
                let key = SnapshotKey(snapshots[i].accountID, snapshots[i].week)
                let customValues = batch.customColumns.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: zip(batch.customColumns, batch.customValues[row]))
                if let old = stored[key] {
                    for field in untracked { snapshots[i][field] = old[field] }
                    if snapshots[i] == old, position[key] == nil, try writer.customMetricsMatch(accountID: key.account, week: key.week, values: customValues) {
                        state.summary.snapshotsUnchanged += 1
                        continue
                    }
                    if position[key] == nil { state.undo.append(.saveSnapshot(old)) }
                    state.summary.snapshotsUpdated += 1
                } else {
                    if !state.created.contains(key.account) { state.undo.append(.deleteSnapshot(accountID: key.account, week: key.week)) }
                    state.summary.snapshotsAdded += 1
                }
                if let earlier = position[key] { toWrite[earlier] = snapshots[i] } else { position[key] = toWrite.count; toWrite.append(snapshots[i]) }
                stored[key] = stored[key] ?? (state.created.contains(key.account) ? nil : snapshots[i])
                writer.touched.insert(key.account)
                if !batch.customColumns.isEmpty {
                    let inverse = try writer.setCustomMetrics(accountID: key.account, week: key.week, values: customValues)
                    if !state.created.contains(key.account) { state.undo.append(inverse) }
                }
            }
            try writer.upsert(toWrite)
            try tick(rows.count)
        }
    }

    private struct SnapshotKey: Hashable {
        let account: Int64
        let week: Day
        init(_ account: Int64, _ week: Day) { self.account = account; self.week = week }
    }

    /// The weeks of these already in the workspace, read in one query.
    private func storedWeeks(of snapshots: [Snapshot]) throws -> [SnapshotKey: Snapshot] {
        guard !snapshots.isEmpty else { return [:] }
        let accounts = Set(snapshots.map(\.accountID)).sorted().map(String.init).joined(separator: ",")
        let weeks = snapshots.map(\.week)
        let wanted = Set(snapshots.map { SnapshotKey($0.accountID, $0.week) })
        var found: [SnapshotKey: Snapshot] = [:]
        try s.each("SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot WHERE account_id IN (\(accounts)) AND week BETWEEN ? AND ?",
                   [weeks.min()!.description.databaseValue, weeks.max()!.description.databaseValue]) { row in
            let snapshot = Snapshot(row: row)
            let key = SnapshotKey(snapshot.accountID, snapshot.week)
            if wanted.contains(key) { found[key] = snapshot }
        }
        return found
    }

    /// What makes two events one: the account, the day, the kind and the details.
    private struct EventKey: Hashable {
        let account: Int64, date: Day, kind: String, details: String
        init(_ e: Event) { (account, date, kind, details) = (e.accountID, e.date, e.kind, e.details ?? "") }
    }

    private struct SourceKey: Hashable { let account: Int64, id: String }

    /// The events of these accounts imported with a record id of their source.
    private func storedEventsBySourceID(_ accountIDs: [Int64]) throws -> [SourceKey: Event] {
        var found: [SourceKey: Event] = [:]
        let ids = Set(accountIDs).sorted()
        for block in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
            for event in try s.fetchAll(Event.self, "WHERE account_id IN (\(block.map(String.init).joined(separator: ","))) AND source_id IS NOT NULL") {
                found[SourceKey(account: event.accountID, id: event.sourceID!)] = event
            }
        }
        return found
    }

    /// How many times each event of these accounts, between the first and last of `dates`, is stored.
    private func storedEvents(_ accountIDs: [Int64], dates: [Day]) throws -> [EventKey: Int] {
        guard let first = dates.min(), let last = dates.max() else { return [:] }
        var found: [EventKey: Int] = [:]
        let ids = Set(accountIDs).sorted()
        for block in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
            try s.each("SELECT account_id, date, kind, details FROM event WHERE account_id IN (\(block.map(String.init).joined(separator: ","))) AND date BETWEEN ? AND ?",
                       [first.description.databaseValue, last.description.databaseValue]) { row in
                guard let date = Day(iso: row[1]) else { return }
                found[EventKey(Event(accountID: row[0], date: date, kind: row[2], details: row[3])), default: 0] += 1
            }
        }
        return found
    }

    /// The account a row names; one the workspace lacks is created with its name only (or the
    /// profile a ledger gives it).
    private func account(_ name: String, _ state: inout State, profile: (start: Day, churn: Day?, arr: Money)? = nil) throws -> Int64 {
        if let id = state.index.id(for: name) { return id }
        var account = Account(name: name)
        if let profile {
            account.startDate = profile.start
            account.churnDate = profile.churn
            account.arr = profile.churn == nil ? profile.arr : nil
        }
        try s.insert(&account)
        try s.writeKeys([account])
        state.index.add(account)
        state.created.insert(account.id!)
        writer.touched.insert(account.id!)
        state.undo.append(.deleteAccount(account.id!))
        state.summary.accountsCreated += 1
        state.summary.createdByName.append(name)
        return account.id!
    }
}

/// Account ids by comparable name and alias, so "ACME corp" in a file finds Acme Corp.
struct AccountIndex {
    private var ids: [String: Int64] = [:]

    init(_ accounts: [Account]) {
        for account in accounts { add(account) }
    }

    mutating func add(_ account: Account) {
        guard let id = account.id else { return }
        for alias in account.aliases where ids[alias.comparable] == nil { ids[alias.comparable] = id }
        ids[account.name.comparable] = id
    }

    func id(for name: String) -> Int64? { ids[name.comparable] }
}

extension Account {
    /// Takes the fields a file provided; the rest keep their values.
    mutating func merge(_ other: Account, fields: Set<AccountField>) {
        for field in fields {
            switch field {
            case .account: name = other.name
            case .segment: segment = other.segment
            case .plan: plan = other.plan
            case .arr: arr = other.arr
            case .csm: csm = other.csm
            case .startDate: startDate = other.startDate
            case .renewalDate: renewalDate = other.renewalDate
            case .aliases: aliases = other.aliases
            case .churnDate: churnDate = other.churnDate
            case .churnReason: churnReason = other.churnReason
            case .champion, .executiveSponsor, .technicalLead: break
            }
        }
    }
}

