import Foundation
import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `alerts [ACCOUNT]`: every monitor that fires, most severe first, then by ARR.
struct AlertsCommand: Command {
    let spec = CommandSpec(
        name: "alerts",
        phrases: ["alerts", "show alerts", "list alerts", "warnings", "alerts {account}", "alerts for {account}", "alerts of {account}",
                  "alerts on {account}", "{account} alerts", "{account}'s alerts", "预警", "预警 {account}", "{account}的预警", "告警", "告警 {account}",
                  "{account}的告警"],
        options: [OptionSpec("all", "all", "including acknowledged", "acknowledged too", "acknowledged ones too", "including the acknowledged ones",
                             "including the ones i acked", "including acked", "acked too", "the acked ones too", "show acknowledged ones too",
                             "包括已确认的", "全部"),
                  OptionSpec("over", type: .money, "over {value}", "over {value} arr", "above {value}", "above {value} arr", "{value}以上", "arr{value}以上"),
                  Words.csmOption, Words.mineOption],
        usage: "alerts [ACCOUNT | all | over $ARR | for CSM] [as of DATE]",
        summary: "monitors that fire: what tripped them, who acts, how fast",
        details: """
            The monitors: health drop week over week (> 10 % 🟠, > 20 % 🔴), DAU drop (> 30 % 🟠, > 50 % 🔴), \
            champion left (logged in the last 30 days) 🔴, more than 3 severe tickets open 🟠, API error rate (> 5 % 🔴, \
            > 10 % 🔴 immediate), more than one payment refused in 90 days 🔴, health drop vs four weeks ago > 15 % 🟠, \
            feature depth < 30 % 🟠, meeting attendance < 60 % 🟠, NPS down > 20 points in four weeks 🔴, health declined \
            two weeks running 🔴. A score drop counts from 2 points (a smaller change is noise). Churned accounts are left out. \
            One block an account, worst first; an alert you have not seen before (whoever else has) is marked new. \
            'alert ack N' hides one while it keeps firing, 'alert snooze N until DATE' until a day; 'alerts all' shows them too; \
            'alerts over $10,000 ARR' keeps the larger accounts, 'alerts for Priya' (or 'my alerts') one CSM's.
            """,
        examples: ["alerts", "alerts Hooli", "alerts for Soylent", "alerts over $10,000 ARR", "alerts all", "alerts for Priya", "预警", "alerts as of 2026-11-01"],
        natural: Natural(.bookOrAccount, cues: ["alerts": 3, "any alerts": 4, "alerts on": 3.5, "alert": 2, "alerting": 3, "firing": 3, "fire": 2, "fired": 2, "red flags": 3, "red flag": 3,
                                               "warnings": 2, "预警": 3, "告警": 3, "报警": 3],
                         questions: ["anything alerting on Umbrella?", "any red flags today?", "Hooli的告警"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let showAll = request.flag("all")
        let overARR = request.money("over")
        var firing: FiringAlerts, accounts: Int
        var single: Account?, csm: String?, scope: Set<Int64>?
        if let ref = request.account() {
            let account = try context.account(ref)
            if let churn = account.churnDate, churn <= context.today {
                throw CommandError("\(account.name) churned on \(churn): its monitors are off — see 'timeline \(account.name)'")
            }
            firing = context.alerts(of: [try context.health(of: account)])
            accounts = 1
            single = account
        } else {
            // On a terminal, today, the alerts' heads kept beside the summaries (those out of
            // date computed and kept first); piped, and where they cannot be kept, the
            // summaries' own alerts: their words made for the alerts shown, their facts only for JSON.
            var kept = context.showsEveryRow ? nil : try context.keptAlerts()
            if kept == nil, !context.showsEveryRow, context.today == context.clockToday {
                _ = try context.keepOutdated()
                kept = try context.keptAlerts()
            }
            let book = kept == nil ? try context.book(details: context.wantsJSON, reads: context.showsEveryRow ? .tails : .rows) : nil
            firing = kept?.firing ?? FiringAlerts(book!)
            accounts = kept?.accounts ?? book!.summaries.count
            // One CSM's: their accounts' alerts, and only those looked at.
            csm = try context.csm(of: request, usage: "alerts for NAME")
            if let csm {
                let ids = try context.store.accountIDs(csm: csm)
                firing = firing.only(ids)
                accounts = try context.accounts(ids: ids).filter { $0.churnDate.map { $0 > context.today } ?? true }.count
                scope = ids
            }
        }
        let look = try context.lookAtAlerts(firing, scope: single.map { [$0.id!] } ?? scope)
        var shown: [Int] = [], hidden: [AlertState] = []
        shown.reserveCapacity(look.firing.count)
        for i in look.firing.indices where overARR.map({ (look.firing[i].arr?.cents ?? 0) > $0.cents }) ?? true {
            if !showAll, let state = look.states[i], state.isHidden(on: context.today) { hidden.append(state) } else { shown.append(i) }
        }
        var list = AlertList(account: single?.name, csm: csm, look: look, shown: shown, accounts: accounts, hidden: hidden, today: context.today,
                             overARR: overARR, rows: context.listRows)
        let names = Dictionary(uniqueKeysWithValues: try context.accounts().map { ($0.id!, $0.name) })
        list.dataAlerts = try context.feedGaps(only: single.map { [$0.id!] } ?? scope).compactMap { gap in names[gap.accountID].map { ($0, gap) } }
        // Kept heads have their words read for the accounts a screenful shows, and no others.
        if let words = firing.words {
            try context.read(words, of: list.screenful(rows: context.listRows).map { look.firing[$0.first!].accountID })
        }
        return list
    }
}

/// The alerts firing on a look's accounts, before the look ranks them: what ranks each and
/// says which it is, and the alert itself, made when asked for (`make`, by place). An
/// account's alerts lie together.
struct FiringAlerts {
    struct Item {
        var accountID: Int64
        var account: String
        var arr: Money?
        var head: AlertHead
    }
    var items: [Item]
    var make: (Int) -> Alert
    /// The words of alerts known by their kept heads, read for the accounts shown (`Context.read`).
    var words: Words?

    /// Each account's alerts, made from its summary when it is shown.
    final class Words {
        /// The heads kept of each account's alerts, in order.
        let heads: [Int64: [AlertHead]]
        var made: [Int64: [Alert]] = [:]

        init(heads: [Int64: [AlertHead]]) { self.heads = heads }
    }

    init(items: [Item], make: @escaping (Int) -> Alert) {
        self.items = items
        self.make = make
    }

    /// Those of these accounts.
    func only(_ accounts: Set<Int64>) -> FiringAlerts {
        let kept = items.indices.filter { accounts.contains(items[$0].accountID) }
        var only = FiringAlerts(items: kept.map { items[$0] }, make: { [make] in make(kept[$0]) })
        only.words = words
        return only
    }

    /// Alerts made already (one account's, or today's agenda's).
    init(_ alerts: [Alert], accountIDs: [Int64]) {
        items = alerts.indices.map { Item(accountID: accountIDs[$0], account: alerts[$0].account, arr: alerts[$0].arr, head: alerts[$0].head) }
        make = { alerts[$0] }
    }

    /// The book's alerts as its summaries keep them: each made from its summary's tail, with
    /// its facts when the book was read with its details (JSON).
    init(_ book: BookSummaries) {
        var items: [Item] = [], places: [(summary: Int, alert: Int)] = []
        for (k, s) in book.summaries.enumerated() {
            for (j, head) in s.alertHeads.enumerated() {
                items.append(Item(accountID: s.account.id!, account: s.account.name, arr: s.account.arr, head: head))
                places.append((k, j))
            }
        }
        self.items = items
        // An account's facts are read once for its alerts, which are asked for together.
        final class Read { var summary = -1; var facts: [JSONValue] = [] }
        let read = Read()
        make = { i in
            let (k, j) = places[i], s = book.summaries[k]
            if read.summary != k {
                read.summary = k
                read.facts = book.details[s.account.id!].flatMap { try? AccountSummary.details($0).facts } ?? []
            }
            return s.alerts[j].alert(on: s.account, facts: j < read.facts.count ? read.facts[j] : .null)
        }
    }
}

extension Context {
    /// The book's alerts known by the heads kept beside its summaries (`StoredSummary.alerts`),
    /// their words read for the accounts shown (`read(_:of:)`), and how many accounts are in the
    /// book; nil unless every account is kept for today. The accounts come in no order: their
    /// names are unique, so the ranking never falls back on where an account's alerts lie.
    func keptAlerts() throws -> (firing: FiringAlerts, accounts: Int)? {
        guard today == clockToday else { return nil }
        var items: [FiringAlerts.Item] = [], places: [Int] = [], heads: [Int64: [AlertHead]] = [:], broken = false
        let accounts = try store.eachKeptAlerts(basis: summaryBasis, on: today) { id, name, arr, bytes in
            guard let kept = AlertHead.kept(bytes) else { broken = true; return }
            heads[id] = kept
            let money = arr.map(Money.init(cents:))
            for (j, head) in kept.enumerated() {
                items.append(FiringAlerts.Item(accountID: id, account: name, arr: money, head: head))
                places.append(j)
            }
        }
        guard let accounts, !broken else { return nil }
        let words = FiringAlerts.Words(heads: heads)
        var firing = FiringAlerts(items: items, make: { i in words.made[items[i].accountID]![places[i]] })
        firing.words = words
        return (firing, accounts)
    }

    /// Makes the words of these accounts' alerts from their kept summaries, or, where a body
    /// is no longer kept, from the account's health; either must be the alerts the heads said.
    func read(_ words: FiringAlerts.Words, of accounts: [Int64]) throws {
        let missing = accounts.filter { words.made[$0] == nil }
        let bodies = try store.keptBodies(of: missing, basis: summaryBasis)
        for id in missing {
            let alerts: [Alert]
            if let body = bodies[id], let summary = AccountSummary(id: id, asOf: today, body: body) {
                alerts = summary.alerts.map { $0.alert(on: summary.account, facts: .null) }
            } else if let account = try self.accounts().first(where: { $0.id == id }) {
                alerts = Monitor.alerts(for: try health(of: account))
            } else {
                alerts = []
            }
            guard alerts.map(\.head) == words.heads[id] else {
                throw CommandError("an account's alerts changed while they were read — ask again")
            }
            words.made[id] = alerts
        }
    }

    /// The alerts firing on these accounts, one block an account, worst first, each with its
    /// triage state. A look today is remembered: what fires for the first time is new. A look
    /// as of another day changes nothing, and today's triage does not apply to it.
    func lookAtAlerts(_ firing: FiringAlerts, scope: Set<Int64>?) throws -> AlertLook {
        // One block an account, worst first: the blocks in the order of their worst alert.
        let items = firing.items, runs = items.runs { $0.accountID }
        var place = [Int](repeating: 0, count: items.count), run = place, placed = [Bool](repeating: false, count: runs.count)
        let ranking = Monitor.rankedOrder(items.map { ($0.head.severity, $0.arr) }, account: { items[$0].account })
        for (p, i) in ranking.enumerated() { place[i] = p }
        for (r, range) in runs.enumerated() { for i in range { run[i] = r } }
        var order: [Int] = []
        order.reserveCapacity(items.count)
        for i in ranking where !placed[run[i]] {
            placed[run[i]] = true
            order += runs[run[i]].sorted { place[$0] < place[$1] }
        }
        let ranked = order.map { items[$0] }, make = firing.make
        let alert = { (i: Int) in make(order[i]) }
        guard today == clockToday else { return AlertLook(firing: ranked, states: Array(repeating: nil, count: ranked.count), new: [], alert: alert) }
        guard let looked = try store.noteAlerts(ranked.map { (accountID: $0.accountID, key: $0.head.key) }, of: scope, on: today, by: user) else {
            // Someone is writing now (an import): the look is not recorded, and the answer does
            // not wait for it — the alerts with the states known, none marked new.
            let known = Dictionary(try store.alertStates().map { ("\($0.accountID) \($0.key)", $0) }, uniquingKeysWith: { a, _ in a })
            return AlertLook(firing: ranked, states: ranked.map { known["\($0.accountID) \($0.head.key)"] }, new: [], alert: alert)
        }
        return AlertLook(firing: ranked, states: looked.states, new: looked.new, alert: alert)
    }

    /// The alerts of these accounts' health, with the account of each (`lookAtAlerts`).
    func alerts(of healths: [AccountHealth]) -> FiringAlerts {
        var alerts: [Alert] = [], ids: [Int64] = []
        for health in healths {
            let firing = Monitor.alerts(for: health)
            alerts += firing
            ids += Array(repeating: health.account.id!, count: firing.count)
        }
        return FiringAlerts(alerts, accountIDs: ids)
    }
}

/// A look at the alerts (`Context.lookAtAlerts`): the alert at place `i` is `firing[i]`, with its
/// triage state `states[i]`, one block an account, worst first; `alert(i)` makes its words.
struct AlertLook {
    var firing: [FiringAlerts.Item]
    var states: [AlertState?]
    /// Alert states first seen on this look.
    var new: Set<Int64>
    /// The alert at a place, made when asked for: a book has 150,000, a screenful shows 50.
    let alert: (Int) -> Alert

    func isNew(_ i: Int) -> Bool { states[i].map { new.contains($0.id!) } ?? false }
}

struct AlertList: Report {
    let account: String?
    /// The CSM whose accounts' alerts these are.
    let csm: String?
    let look: AlertLook
    /// The places in `look` shown: neither acknowledged nor snoozed, over the ARR asked for.
    let shown: [Int]
    let accounts: Int
    /// Acknowledged or snoozed: counted, not shown.
    let hidden: [AlertState]
    let today: Day
    let overARR: Money?
    /// The rows the command had when it read what a screenful shows (`Context.listRows`).
    let rows: Int?
    /// Data alerts: accounts whose product events stopped (`FeedGap`) — not churn signals.
    var dataAlerts: [(account: String, gap: FeedGap)] = []

    /// One block an account, worst first: the places of `shown`, as they come (`lookAtAlerts`).
    var blocks: [ArraySlice<Int>] { shown.runs { look.firing[$0].accountID }.map { shown[$0] } }

    /// The blocks a screenful of `rows` shows (every one when nil): each takes a line for its
    /// account, two an alert and a blank line; the first is shown however long it is.
    func screenful(rows: Int?) -> ArraySlice<ArraySlice<Int>> {
        let blocks = self.blocks
        var room = rows ?? Int.max, fitting = 0
        for (i, block) in blocks.enumerated() {
            room -= 2 + 2 * block.count
            if room < 0 && i > 0 { break }
            fitting += 1
        }
        return blocks.prefix(fitting)
    }

    enum Keys: String, CodingKey { case account, csm, count, alerts, hidden, dataAlerts = "data_alerts" }
    struct RowJSON: Encodable {
        var id: Int64?; var new: Bool; var alert: Alert
        enum CodingKeys: String, CodingKey { case id, new }
        func encode(to encoder: Encoder) throws {
            try alert.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(new, forKey: .new)
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account, forKey: .account)
        try c.encodeIfPresent(csm, forKey: .csm)
        try c.encode(shown.count, forKey: .count)
        try c.encode(shown.map { RowJSON(id: look.states[$0]?.id, new: look.isNew($0), alert: look.alert($0)) }, forKey: .alerts)
        try c.encode(hidden.count, forKey: .hidden)
        try c.encode(dataAlerts.map { ["account": $0.account, "no_product_events_since": $0.gap.last.description, "feed_reaches": $0.gap.feedLast.description] },
                     forKey: .dataAlerts)
    }

    /// What is known of an alert seen before: acknowledged, snoozed, or open since a day.
    func status(_ state: AlertState) -> String {
        if let acked = state.acked { return " — acknowledged \(acked)" }
        if let until = state.snoozedUntil, until > today { return " — snoozed until \(until)" }
        return state.firstSeen < today ? " — since \(state.firstSeen)" : ""
    }

    /// The data alerts, after the alerts: what the workspace lacks, not a risk.
    func renderDataAlerts(into doc: inout Document) {
        guard !dataAlerts.isEmpty else { return }
        doc.blank()
        doc.line(Span("Data alerts", .bold), Span(" (gaps in the data, not churn signals)", .dim))
        for (account, gap) in dataAlerts {
            doc.wrapped(Span("  "), text: [Span(account, .bold), Span(" — "), Span(gap.shown, .yellow), Span(": \(gap.fill)", .dim)])
        }
    }

    func render(into doc: inout Document) {
        guard !shown.isEmpty else {
            let whose = csm.map { "\($0)'s " } ?? ""
            let quiet = account.map { "\($0): no alerts — every monitor is quiet" }
                ?? (overARR.map { "no alerts on \(whose)accounts over \($0) ARR" } ?? "no alerts across \(whose)\(accounts) accounts — every monitor is quiet")
            doc.line(Span(quiet + (hidden.isEmpty ? "" : " (\(hidden.count) acknowledged or snoozed)"), .dim))
            renderDataAlerts(into: &doc)
            return
        }
        // On a terminal, the blocks that fit a screenful (at least one), no more than the
        // command read the words of.
        let blocks = self.blocks, screenful = screenful(rows: doc.listRows.map { min($0, rows ?? $0) })
        for (i, block) in screenful.enumerated() {
            let first = look.firing[block.first!]
            if i > 0 { doc.blank() }
            let arr = first.arr.map { " · ARR \($0)" } ?? ""
            doc.line(Span(first.account, .bold), Span("\(arr) · \(block.count) alert\(block.count == 1 ? "" : "s")", .dim))
            for j in block {
                let a = look.alert(j), state = look.states[j]
                let style: Style = a.severity == .orange ? .orange : .red
                doc.wrapped(Span("  \(state?.id.map { "#\($0)" } ?? "")".padding(toLength: 6, withPad: " ", startingAt: 0) + "\(a.severity.emoji) "),
                            text: [Span(a.label, style), Span(" · \(a.who), "), Span(a.within, a.severity == .redImmediate ? .red : .bold),
                                   look.isNew(j) ? Span(" — new", .yellow) : Span(state.map(status) ?? "", .dim)])
                doc.wrapped(Span("         "), text: [Span(a.evidence.shown, .dim)])
            }
        }
        if screenful.count < blocks.count { doc.blank() }
        doc.more(blocks.count - screenful.count, "accounts with alerts")
        doc.blank()
        let red = shown.filter { look.firing[$0].head.severity != .orange }.count
        let newCount = shown.filter(look.isNew).count
        var summary = "\(shown.count) alert\(shown.count == 1 ? "" : "s") (\(red) red) on \(blocks.count) account\(blocks.count == 1 ? "" : "s")"
            + (csm.map { " of \($0)'s" } ?? "")
        if newCount > 0 { summary += " · \(newCount) new since your last look" }
        if !hidden.isEmpty { summary += " · \(hidden.count) acknowledged or snoozed, not shown ('alerts all' shows them)" }
        doc.wrapped(text: [Span(summary, .dim)])
        doc.line(Span("'alert ack N' when handled · 'alert snooze N until DATE' to look again later", .dim))
        renderDataAlerts(into: &doc)
    }
}

/// `alert ack N`, `alert snooze N until DATE`, `alert unack N`.
struct AlertTriageCommand: Command {
    let spec = CommandSpec(
        name: "alert",
        actions: ["ack": ["alert ack {number}", "ack alert {number}", "acknowledge alert {number}", "ack {number}", "acknowledge {number}",
                          "确认预警 {number}", "确认告警 {number}", "确认 {number}"],
                  "snooze": ["alert snooze {number} until {until}", "snooze alert {number} until {until}", "snooze alert {number} till {until}",
                             "snooze alert {number} to {until}", "snooze {number} until {until}", "告警 {number} 延后到 {until}", "预警 {number} 延后到 {until}"],
                  "unack": ["alert unack {number}", "unack alert {number}"]],
        slots: ["until": .day(.ahead)],
        usage: "alert ack N | alert snooze N until DATE | alert unack N",
        summary: "acknowledge an alert (hidden while it keeps firing) or snooze it until a day",
        details: "N is the number 'alerts' shows. An acknowledged alert comes back new if it stops firing and fires again. Undo takes it back.",
        examples: ["alert ack 3", "alert snooze 5 until friday", "alert unack 3", "确认预警 3"],
        writes: true,
        natural: Natural(.none, action: "ack", cues: ["ack": 3, "acknowledge": 3, "acked": 3, "handled": 2, "确认": 3], after: ["alerts"]),
        Natural(.none, action: "snooze", cues: ["snooze": 3, "snooze alert": 4, "push": 1, "postpone": 2, "延后": 3, "推迟": 3, "推到": 3], after: ["alerts"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let id = Int64(request.number()!)
        guard let read = try context.store.alertStates().first(where: { $0.id == id }) else {
            throw CommandError("no alert #\(id) firing — 'alerts' shows them with their numbers")
        }
        var state = read
        let name = try context.accounts().first { $0.id == state.accountID }?.name ?? "?"
        let what = state.key.hasPrefix("custom:") ? String(state.key.dropFirst(7)) : Monitor(rawValue: state.key)?.label ?? state.key
        switch request.action {
        case "snooze":
            let until = request.day("until")!
            guard until > context.today else {
                throw CommandError("snooze until a day after today: 'alert snooze \(id) until 2026-12-01' (or friday, in 3 days)")
            }
            state.snoozedUntil = until
            try context.change("alert snooze \(id)", [try .edit(read, state)])
            return Message("alert #\(id) (\(name): \(what)) is snoozed until \(until)")
        case "unack":
            state.acked = nil
            try context.change("alert unack \(id)", [try .edit(read, state)])
            return Message("alert #\(id) (\(name): \(what)) is back in the list")
        default:
            break
        }
        state.acked = context.today
        // Acknowledged, it becomes a task: who acts, by when; done by itself when the alert clears.
        var changes: [Change] = [try .edit(read, state)]
        let source = AlertState.taskSource(id)
        let look = try context.lookAtAlerts(context.alerts(of: [try context.health(of: try context.accounts().first { $0.id == state.accountID }!)]),
                                            scope: [state.accountID])
        if let alert = look.states.firstIndex(where: { $0?.id == id }).map(look.alert),
           !(try context.store.tasks().contains { $0.source == source && $0.isOpen }) {
            let within = alert.within.lowercased()
            let days = within.contains("week") ? 7 : within.contains("24 h") ? 1 : 0
            changes.append(.putTask(CSMTask(accountID: state.accountID, text: "\(what): \(alert.evidence.shown) — \(alert.who), \(alert.within)",
                                            due: context.today.adding(days: days), owner: try context.accounts().first { $0.id == state.accountID }?.csm,
                                            created: context.today, source: source)))
        }
        try context.change("alert ack \(id)", changes)
        return Message("acknowledged alert #\(id): \(name) — \(what); hidden while it keeps firing"
            + (changes.count > 1 ? ", and a task until it clears ('tasks \(name)')" : ""))
    }
}

extension Array {
    /// The runs of adjacent elements with the same `key`, in order, as index ranges.
    func runs<Key: Equatable>(by key: (Element) -> Key) -> [Range<Int>] {
        var runs: [Range<Int>] = [], start = 0
        for i in indices.dropFirst() where key(self[i]) != key(self[i - 1]) {
            runs.append(start..<i)
            start = i
        }
        if !isEmpty { runs.append(start..<count) }
        return runs
    }
}
