import Foundation
import Intents
import Shell
import Workspace

/// `account rename OLD to NEW`, `account merge A into B`, `account delete NAME`: accounts as
/// things that change. Each is one change in the log, with who made it and when, and `undo`
/// takes it back.
struct AccountCommand: Command {
    let spec = CommandSpec(
        name: "account",
        actions: ["rename": ["account rename {account} to {text}", "rename account {account} to {text}", "rename {account} to {text}",
                             "把{account}改名为{text}", "{account}改名为{text}"],
                  "merge": ["account merge {account} into {into}", "merge account {account} into {into}", "merge {account} into {into}",
                            "把{account}合并到{into}", "{account}合并到{into}"],
                  "delete": ["account delete {account}", "delete account {account}", "remove account {account}", "删除客户 {account}", "删除客户{account}"]],
        slots: ["into": .account],
        options: [OptionSpec("yes", "--yes")],
        usage: "account rename A to NAME | merge A into B | delete A",
        summary: "rename an account (the old name stays an alias), merge one into another, or delete one",
        details: """
            rename keeps the old name as an alias, so files and people that use it still find the account. merge moves \
            every week, event, note, task, goal, milestone, use case, contact, ledger row, metric of the workspace's own \
            and product usage of the first account to the second, whose aliases gain the first's name and aliases; a week \
            both have keeps the second account's values and takes from the first only those the second lacks (the \
            conflicts are listed); a role both fill keeps the second's contact, the first's is kept on record as replaced \
            that day. Two accounts that both have product usage are not merged (whose day is whose cannot be told). \
            The second account's profile (segment, plan, ARR, CSM, dates) stays as it is: set it if the merge changes it. \
            delete asks first (--yes does not ask: piped or with -c it is needed) and removes the account with its \
            records and product usage. 'undo' in the same shell takes any of them back whole.
            """,
        examples: ["account rename Acme Corp to Acme Corporation", "account merge Vandelay Industries into Acme Corp",
                   "account delete Wonka Confections --yes", "把Globex合并到Acme Corp"],
        writes: true,
        asksFirst: ["delete"],
        natural: Natural(.account, action: "rename", cues: ["rename": 3, "renamed": 3, "改名": 3]),
        Natural(.account, action: "merge", cues: ["merge": 3, "same account as": 2, "合并": 3]),
        Natural(.account, action: "delete", cues: ["delete": 3, "remove": 2, "删除": 3]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        switch request.action {
        case "rename":
            guard let name = request.text() else { throw CommandError("rename \(account.name) to what? — 'account rename \(account.name) to NAME'") }
            return try rename(account, to: name.trimmingSpaces, in: context)
        case "merge":
            guard let into = request.account("into") else { throw CommandError("merge \(account.name) into which account? — 'account merge \(account.name) into ACCOUNT'") }
            return try merge(account, into: try context.account(into), in: context)
        default: return try delete(account, in: context)
        }
    }

    func rename(_ account: Account, to name: String, in context: Context) throws -> Report {
        guard !name.isEmpty else { throw CommandError("rename to what? — \(spec.usage)") }
        guard name.comparable != account.name.comparable else { throw CommandError("\(account.name) is already called that — nothing changed") }
        var renamed = account
        renamed.name = name
        renamed.aliases = account.aliases.filter { $0.comparable != name.comparable }
            + (account.aliases.contains { $0.comparable == account.name.comparable } ? [] : [account.name])
        try context.refuseNameClash(renamed)
        try context.change("account rename \(account.name) to \(name)", [.setAccountFields(renamed, [.account, .aliases])])
        return Message("renamed \(account.name) to \(name); '\(account.name)' stays an alias, so files and lines that use it still find it")
    }

    func merge(_ from: Account, into to: Account, in context: Context) throws -> Report {
        guard from.id != to.id else { throw CommandError("\(from.name) and \(to.name) are one account — nothing to merge") }
        let (a, b, today, store) = (from.id!, to.id!, context.today, context.store)
        var changes: [Change] = []
        // Records move whole, keeping their numbers (task #12 is still #12).
        let moved = try store.recordIDs(accountID: a, in: ["event", "note", "goal", "milestone", "use_case", "task", "subscription"])
        changes += moved.map { .setColumns(table: $0.table, id: $0.id, accountID: b, values: ["account_id": b.databaseValue]) }
        // A role both fill keeps the kept account's contact; the other is on record, replaced today.
        let filled = Set(try context.records(of: to).contacts(on: today).map(\.role))
        for contact in try store.contacts(accountID: a) {
            var values = ["account_id": b.databaseValue]
            if contact.replacedOn == nil && filled.contains(contact.role) { values["replaced_on"] = today.description.databaseValue }
            changes.append(.setColumns(table: "contact", id: contact.id!, accountID: b, values: values))
        }
        // A week both have keeps the kept account's values; a value only the other has fills the gap.
        let kept = Dictionary(try store.snapshots(accountID: b).map { ($0.week, $0) }, uniquingKeysWith: { a, _ in a })
        var conflicts: [Day] = []
        let weeks = try store.snapshots(accountID: a)
        for week in weeks {
            guard let mine = kept[week.week] else {
                var movedWeek = week
                movedWeek.accountID = b
                changes.append(.saveSnapshot(movedWeek))
                continue
            }
            conflicts.append(week.week)
            var merged = mine
            for field in SnapshotField.allCases where merged[field] == nil { merged[field] = week[field] }
            if merged != mine { changes.append(.saveSnapshot(merged)) }
        }
        let keptMetrics = try store.customMetrics(accountID: b)
        for metric in try store.customMetrics(accountID: a) {
            let have = keptMetrics.first { $0.name == metric.name }
            for (week, value) in metric.weeks where have?.value(in: week) == nil {
                changes.append(.setCustomMetrics(accountID: b, week: week, values: [metric.name: value]))
            }
        }
        if try store.usage(accountID: a, from: Day(ordinal: 0), through: today) != nil {
            guard try store.usage(accountID: b, from: Day(ordinal: 0), through: today) == nil else {
                throw CommandError("\(from.name) and \(to.name) both have product usage imported: whose day is whose cannot be told — nothing changed; "
                                   + "'account delete \(from.name)' removes it with its usage, and 'undo' brings both back")
            }
            changes.append(.moveUsage(from: a, to: b))
        }
        var named = to
        for alias in [from.name] + from.aliases where !([named.name] + named.aliases).contains(where: { $0.comparable == alias.comparable }) {
            named.aliases.append(alias)
        }
        changes.append(.setAccountFields(named, [.aliases]))
        changes.append(.deleteAccount(a))
        try context.change("account merge \(from.name) into \(to.name)", changes)
        return AccountMerged(from: from.name, into: to.name, records: Dictionary(grouping: moved, by: \.table).mapValues(\.count),
                             weeks: weeks.count - conflicts.count, conflicts: conflicts)
    }

    func delete(_ account: Account, in context: Context) throws -> Report {
        try context.change("account delete \(account.name)", [.deleteAccount(account.id!)])
        return Message("deleted \(account.name) with its weeks, events, notes, tasks, contacts, ledger and product usage — 'undo' in this shell brings it back")
    }
}

struct AccountMerged: Report {
    let from: String
    let into: String
    let records: [String: Int]
    let weeks: Int
    let conflicts: [Day]

    enum Keys: String, CodingKey { case from, into, records, weeks, conflicts }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(from, forKey: .from)
        try c.encode(into, forKey: .into)
        try c.encode(records, forKey: .records)
        try c.encode(weeks, forKey: .weeks)
        try c.encode(conflicts, forKey: .conflicts)
    }

    func render(into doc: inout Document) {
        let names = ["event": "event", "note": "note", "goal": "goal", "milestone": "milestone", "use_case": "use case", "task": "task", "subscription": "ledger row"]
        let parts = (weeks > 0 ? ["\(weeks) week\(weeks == 1 ? "" : "s")"] : []) + records.sorted { $0.key < $1.key }.map { "\($0.value) \(names[$0.key] ?? $0.key)\($0.value == 1 ? "" : "s")" }
        doc.wrapped(text: [Span("merged "), Span(from, .bold), Span(" into "), Span(into, .bold), Span(": " + (parts.isEmpty ? "" : "moved \(parts.joined(separator: ", ")); ") + "'\(from)' is now an alias of \(into)")])
        doc.wrapped(text: [Span("\(into)'s profile (ARR, CSM, dates) is as it was: 'set \(into) arr …' if the merge changes it", .dim)])
        if !conflicts.isEmpty {
            doc.wrapped(text: [Span("\(conflicts.count) week\(conflicts.count == 1 ? "" : "s") both had (\(conflicts.map(\.description).joined(separator: ", "))): "
                                    + "\(into)'s values kept, gaps filled from \(from)", .yellow)])
        }
    }
}
