import Foundation
import Intents
import Scoring
import Shell
import Workspace

/// `export accounts FILE` / `export snapshots FILE`: the columns import reads, plus score,
/// tier and trend, as CSV, JSON or YAML by extension; `export events FILE` the event log. Importing the file into an empty
/// workspace gives the same scores.
struct ExportCommand: Command {
    let spec = CommandSpec(
        name: "export",
        phrases: ["export {what} {file}", "export {what} to {file}", "导出 {what} {file}"],
        slots: ["what": .choice(ExportCommand.kinds)],
        options: [Words.forceOption],
        usage: "export WHAT FILE [--force]",
        summary: "write accounts, snapshots (with scores), events or the subscription ledger to a file",
        details: "WHAT: accounts, snapshots, events or subscriptions. The format follows the extension: .csv, .json or .yaml.",
        examples: ["export accounts book.csv", "export snapshots to weeks.json", "export accounts book.yaml", "export events log.csv"])

    static let kinds = Vocabulary("thing to export", [ImportKind.accounts.rawValue: ["accounts", "account", "账户", "客户"],
                                                    ImportKind.snapshots.rawValue: ["snapshots", "snapshot", "weeks", "metrics", "快照"],
                                                    ImportKind.events.rawValue: ["events", "event", "事件"],
                                                    ImportKind.subscriptions.rawValue: ["subscriptions", "subscription", "ledger", "订阅"]])

    func run(_ request: Request, in context: Context) throws -> Report {
        let kind = ImportKind(rawValue: request.choice("what")!)!
        let typed = request.text("file")!
        guard let format = Exporter.Format(path: typed) else {
            throw CommandError("cannot tell the format of '\(typed)' — end the name with .csv, .json or .yaml")
        }
        var columns = kind == .subscriptions ? Array(kind.header.prefix(5)) : kind.header + (kind == .events ? [] : ["score", "tier", "trend"])
        var custom: [String] = []
        var rows: [[String]] = []
        let accounts = try context.accounts()
        switch kind {
        case .accounts:
            // The contacts holding their role today: replaced ones and those who left are history.
            let contacts = Dictionary(grouping: try context.everyAccountsRecords().flatMap { $0.contacts(on: context.today) }, by: \.accountID)
            let health = Dictionary(uniqueKeysWithValues: try context.portfolio().map { ($0.account.id!, $0) })
            for account in accounts {
                let h = health[account.id!]
                rows.append(AccountField.allCases.map { $0.cell(of: account, contacts: contacts[account.id!] ?? []) } + derived(h?.weeks.last, h?.trend))
            }
        case .subscriptions:
            for account in accounts {
                for s in try context.store.subscriptions(accountID: account.id!) {
                    rows.append([account.name, s.product, s.start.description, s.end?.description ?? "", s.mrr.plain])
                }
            }
        case .events:
            let names = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id!, $0.name) })
            let events = try context.store.events()
            rows = events.map { [names[$0.accountID] ?? "", $0.date.description, $0.kind, $0.details ?? "", $0.sourceID ?? ""] }
            // The source's record ids, when some event was imported with one.
            if !events.contains(where: { $0.sourceID != nil }) {
                columns.removeLast()
                rows = rows.map { Array($0.dropLast()) }
            }
        case .productEvents, .dailyCounts, .contacts:
            break
        case .snapshots:
            // The weeks every command scores: product events filled in, and the workspace's own
            // columns after the nineteen, so that importing the file gives the same scores.
            let everyone = try context.everyAccountsRecords()
            let columnsOf = try Dictionary(uniqueKeysWithValues: everyone.map { ($0.account.id!, try context.store.customMetrics(accountID: $0.account.id!)) })
            custom = Array(Set(columnsOf.values.flatMap { $0.map(\.name) })).sorted()
            columns.insert(contentsOf: custom, at: kind.header.count)
            for records in everyone {
                let weeks = try context.snapshots(of: records.account)
                guard let last = weeks.last else { continue }
                let health = AccountHealth(records: records, snapshots: weeks, asOf: last.week, model: context.model)
                let own = columnsOf[records.account.id!] ?? []
                for (i, (snapshot, week)) in zip(weeks, health.weeks).enumerated() {
                    let values = custom.map { name in own.first { $0.name == name }?.value(in: snapshot.week).map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int64($0)) : String($0) } ?? "" }
                    rows.append([records.account.name, snapshot.week.description] + SnapshotField.allCases.map { $0.format(snapshot[$0]) } + values
                                + derived(week, Trend(weeklyScores: health.weeks[...i].map(\.score))))
                }
            }
        }
        let numeric = Set(SnapshotField.allCases.filter { $0 != .execRelationship }.map(\.rawValue) + ["arr", "score", "mrr"] + custom)
        let data = try Exporter.render(kind: kind, columns: columns, rows: rows, numeric: numeric, format: format)
        let path = context.path(typed)
        guard try context.mayReplace(path, shown: typed, force: request.flag("force")) else { return Context.kept(typed) }
        do {
            try data.writeAtomically(to: path)
        } catch {
            throw CommandError("cannot write \(typed): \((error as NSError).localizedDescription)")
        }
        return Message("exported \(grouped(rows.count)) \(kind == .accounts ? "account" : kind == .events ? "event" : kind == .subscriptions ? "subscription" : "week")\(rows.count == 1 ? "" : "s") to \(typed)")
    }

    func derived(_ week: AccountHealth.Week?, _ trend: Trend?) -> [String] {
        guard let week else { return ["", "", ""] }
        return [Format.oneDecimal(week.shown), week.band.name, trend?.direction.rawValue ?? ""]
    }
}
