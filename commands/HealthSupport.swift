import Foundation
import Playbooks
import Scoring
import Shell
import Workspace

// Reading account health from the workspace: one place that every command which shows
// a score, tier or trend goes through.
extension Context {
    /// What the model may read about one account besides its snapshots.
    func records(of account: Account) throws -> AccountRecords {
        let id = account.id!
        return AccountRecords(account: account, contacts: try store.contacts(accountID: id), events: try store.events(accountID: id),
                              goals: try store.goals(accountID: id))
    }

    /// The workspace's mapping.yaml (export column → cse column), if it has one.
    func columnMapping() throws -> ColumnMapping? {
        let path = (workspace.path as NSString).appendingPathComponent(ColumnMapping.fileName)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        do { return try ColumnMapping.parse(text) } catch let problem as ImportProblem {
            // YAML's own message may run over lines: one line, as every error is.
            let said = "\(problem)".split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            throw CommandError("mapping.yaml refused — \(said); fix it, or remove it to import without it")
        }
    }

    /// One account as it stands today, with every week for its sparkline.
    func health(of account: Account) throws -> AccountHealth {
        AccountHealth(records: try records(of: account), snapshots: try snapshots(of: account), asOf: today, model: model)
    }

    /// The weeks with the values of the workspace's own metrics that the model reads
    /// (its custom_metrics and monitors) put in; other weeks are returned as they are.
    func withCustomMetrics(_ snapshots: [Snapshot], of account: Account, from: Day? = nil, names: [String]? = nil) throws -> [Snapshot] {
        let names = names ?? model.customNames
        guard !names.isEmpty, !snapshots.isEmpty else { return snapshots }
        let metrics = try customMetrics(of: account, from: from)
        var result = snapshots
        for name in names {
            guard let metric = CustomMetric.named(name, in: metrics) else { continue }
            let key = CustomMetric.key(name)
            let byWeek = Dictionary(metric.weeks.map { ($0.week, $0.value) }, uniquingKeysWith: { $1 })
            for i in result.indices { if let value = byWeek[result[i].week] { result[i].custom[key] = value } }
        }
        return result
    }

    /// One account's weeks: its snapshots, with what product events say filled in where a
    /// snapshot lacks a value (or a week has none) — the one place the two meet.
    func snapshots(of account: Account) throws -> [Snapshot] {
        let stored = try store.snapshots(accountID: account.id!)
        guard let usage = try store.usage(accountID: account.id!, from: Day(ordinal: 0), through: today) else {
            return try withCustomMetrics(stored, of: account)
        }
        return try withCustomMetrics(usage.merged(into: stored, accountID: account.id!, rules: model.usage, weekEnds: model.weekEnds,
                                                  from: usageFrom(account, nil), through: today),
                                     of: account)
    }

    /// The accounts (of `only`, or all) whose product events stop before other accounts' —
    /// said as of today only: an answer as of another day has the feed as it is now.
    func feedGaps(only: Set<Int64>?) throws -> [FeedGap] {
        guard today == clockToday else { return [] }
        return try store.feedGaps().filter { only?.contains($0.accountID) ?? true }
    }

    /// The first day product events make weeks of, for an account: not before it became a
    /// customer (events a feed carries from a trial are no weeks of the account's health).
    func usageFrom(_ account: Account, _ from: Day?) -> Day? {
        guard let start = account.startDate else { return from }
        return max(start, from ?? start)
    }

    /// Each account's latest `limit` weeks on or before today, product events filled in: of
    /// every account, or of `only` these.
    func recentSnapshots(limit: Int, only: [Account]? = nil) throws -> [Int64: [Snapshot]] {
        var recent: [Int64: [Snapshot]] = [:]
        if let only {
            for account in only {
                let weeks = try store.recentSnapshots(accountID: account.id!, through: today, limit: limit)
                if !weeks.isEmpty { recent[account.id!] = weeks }
            }
        } else {
            recent = try store.recentSnapshots(through: today, limit: limit)
        }
        let usage = try store.hasUsage(), custom = !model.customNames.isEmpty
        guard usage || custom else { return recent }
        let firstWeek = today.lastWeekEnd(on: model.weekEnds).adding(days: -7 * (limit - 1))
        for account in try only ?? accounts() {
            let id = account.id!
            if usage, let history = try store.usage(accountID: id, from: firstWeek.adding(days: -UsageHistory.lookbackDays), through: today) {
                let merged = history.merged(into: recent[id] ?? [], accountID: id, rules: model.usage, weekEnds: model.weekEnds,
                                            from: usageFrom(account, firstWeek), through: today)
                recent[id] = Array(merged.suffix(limit))
            }
            if custom, let weeks = recent[id] { recent[id] = try withCustomMetrics(weeks, of: account, from: weeks.first?.week) }
        }
        return recent
    }

    /// The metrics of the workspace's own for one account: snapshot columns cse does not
    /// score, and each product event's counts.
    func customMetrics(of account: Account, from: Day? = nil) throws -> [CustomMetric] {
        var metrics = try store.customMetrics(accountID: account.id!)
        let start = from.map { $0.adding(days: -UsageHistory.lookbackDays) } ?? Day(ordinal: 0)
        if let usage = try store.usage(accountID: account.id!, from: start, through: today) {
            let weeks = usage.coveredWeeks(weekEnds: model.weekEnds, from: usageFrom(account, from), through: today)
            metrics += usage.eventMetrics(weeks: weeks, rules: model.usage)
        }
        return metrics
    }

    /// Every account as it stands today, from the weeks the trend needs (and the weeks
    /// before them that the model reads). Contacts, events and goals are read when the
    /// model scores from them or the caller asks (`withRecords`: monitors, churn risk).
    /// `only`: these accounts, each read by itself when they are few.
    func portfolio(withRecords: Bool = false, only: Set<Int64>? = nil) throws -> [AccountHealth] {
        // The trend's weeks, the weeks the model reads before them, and the weeks a survey answer may be carried from.
        let limit = Trend.window + model.historyWeeks + SurveyCarry.maxWeeks
        let records: [AccountRecords], recent: [Int64: [Snapshot]]
        if let only, only.count <= Context.fewAccounts {
            let accounts = try accounts(ids: only)
            recent = try recentSnapshots(limit: limit, only: accounts)
            records = try accounts.map { withRecords || model.readsRecords ? try self.records(of: $0) : AccountRecords(account: $0) }
        } else {
            recent = try recentSnapshots(limit: limit)
            records = try (withRecords || model.readsRecords ? everyAccountsRecords() : accounts().map { AccountRecords(account: $0) })
                .filter { only?.contains($0.account.id!) ?? true }
        }
        // An account that starts after the day is not in the book on that day.
        // Only the trend's weeks are scored: the older ones are history and survey answers.
        return try records.filter { $0.account.startDate.map { $0 <= today } ?? true }.map {
            try Interrupt.check()
            return AccountHealth(records: $0, snapshots: recent[$0.account.id!] ?? [], asOf: today, model: model, scoring: Trend.window)
        }
    }

    /// Up to this many accounts are read one by one; more, the whole book at once.
    static let fewAccounts = 500

    /// Every account with its contacts, events and goals, read in three queries.
    func everyAccountsRecords() throws -> [AccountRecords] {
        let contacts = Dictionary(grouping: try store.contacts(), by: \.accountID)
        let events = Dictionary(grouping: try store.events(), by: \.accountID)
        let goals = Dictionary(grouping: try store.goals(), by: \.accountID)
        return try accounts().map {
            let id = $0.id!
            return AccountRecords(account: $0, contacts: contacts[id] ?? [], events: events[id] ?? [], goals: goals[id] ?? [])
        }
    }
}

extension CommandError {
    /// An account with no week to score: what fills it.
    static func noWeeks(_ account: Account, _ day: Day) -> CommandError {
        CommandError("\(account.name) has no weekly data on or before \(day) — import snapshots or product events with 'import FILE'")
    }
}

/// How an account's standing is named in lists: its tier, or why it has none.
enum Standing: Equatable {
    case tier(TierScheme.Band)
    case churned
    case noData

    init(_ health: AccountHealth) { self.init(churned: health.isChurned, band: health.current?.band) }
    init(_ summary: AccountSummary) { self.init(churned: summary.isChurned, band: summary.current?.band) }

    init(churned: Bool, band: TierScheme.Band?) {
        if churned { self = .churned } else if let band { self = .tier(band) } else { self = .noData }
    }

    var label: String {
        switch self {
        case .tier(let b): return "\(b.emoji) \(b.label)"
        case .churned: return "churned"
        case .noData: return "no data"
        }
    }

    var key: String {
        switch self {
        case .tier(let b): return b.name
        case .churned: return "churned"
        case .noData: return "no_data"
        }
    }

    var style: Style? {
        switch self {
        case .tier(let b): return b.level.style
        case .churned, .noData: return .dim
        }
    }
}

extension Tier {
    var style: Style {
        switch self {
        case .healthy: return .green
        case .warning: return .yellow
        case .highRisk: return .orange
        case .critical: return .red
        }
    }
}

/// ▁▂▃▄▅▆▇█ over the scores, scaled to their range (at least ten points, so noise stays
/// flat); another metric passes its own least span.
func sparkline(_ scores: [Double], minimumSpan: Double = 10) -> String {
    guard let low = scores.min(), let high = scores.max() else { return "" }
    let bars = Array("▁▂▃▄▅▆▇█")
    let span = max(high - low, minimumSpan, 1e-9)
    let base = low - (span - (high - low)) / 2
    return String(scores.map { bars[max(0, min(bars.count - 1, Int((($0 - base) / span * Double(bars.count - 1)).rounded())))] })
}
