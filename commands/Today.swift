import Foundation
import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `today [for CSM]`: the morning's one screen — what to do first.
struct TodayCommand: Command {
    let spec = CommandSpec(
        name: "today",
        phrases: ["today", "agenda", "my day", "my agenda", "{options} agenda", "今天", "今日", "今天的安排", "{options}今天的安排"],
        options: [Words.csmOption, OptionSpec("all", "all", "everyone", "team", "the team", "全部", "所有人")],
        usage: "today [for CSM | all]",
        summary: "the morning's agenda: overdue and due tasks, open red alerts, renewals in 30 days, QBRs due, accounts past their touch cadence",
        details: """
            In the order to act: overdue tasks; red alerts open (until acknowledged, snoozed or cleared — those new since your last look marked new); tasks due today; renewals in the next \
            30 days that are at risk or likely lost; orange alerts new since your last look; QBRs due within two weeks by the segment's cadence; \
            renewals in 30 days that look safe; accounts with no call, e-mail or meeting logged within their segment's \
            check-in cadence (enterprise 7 days, mid-market 14, SMB 30). It counts as a look at the alerts. \
            Without a CSM it is yours when you are a CSM of the book (CSE_USER, else your login name), else the whole \
            book; 'today all' is always the whole book.
            """,
        examples: ["today", "today for Dana", "today all", "agenda", "今天", "Dana's agenda"],
        natural: Natural(.book, cues: ["today": 2.5, "agenda": 3, "on my plate": 3, "plate": 2, "this morning": 2, "morning": 1, "focus on": 2, "start": 1,
                                      "first": 1, "my day": 3, "day look like": 3, "to do today": 3, "今天": 2, "今日": 2, "安排": 2, "今天先干啥": 4,
                                      "今天要做什么": 4, "重点关注": 2, "有什么事": 2, "先干啥": 3],
                         questions: ["what's on my plate today?", "what should I do first this morning?", "今天先干啥"]))

    /// Renewals this close are on the agenda.
    static let renewalDays = 30
    /// QBRs due this soon are on the agenda.
    static let qbrDays = 14

    func run(_ request: Request, in context: Context) throws -> Report {
        var csm: String?
        let known = try context.names.csms()
        if request.flag("all") { return try agenda(for: nil, in: context) }
        let named = request.csms()
        if !named.isEmpty {
            guard named.count == 1 else {
                throw CommandError("'\(named.joined(separator: "' or '"))'? — name one CSM: today for NAME")
            }
            csm = named[0]
        } else {
            // Yours when you are one CSM of the book (`Me`), else the whole book.
            csm = Me.csm(context.user, among: known)
        }
        return try agenda(for: csm, in: context)
    }

    private func agenda(for csm: String?, in context: Context) throws -> Report {
        let today = context.today
        let book = try context.portfolio(withRecords: true).filter { !$0.isChurned && (csm == nil || $0.account.csm == csm) }
        let ids = Set(book.compactMap(\.account.id))
        let names = Dictionary(uniqueKeysWithValues: try context.accounts().map { ($0.id!, $0.name) })
        var agenda = Agenda(today: today, csm: csm)

        let tasks = try context.store.tasks().filter { ids.contains($0.accountID) && $0.isVisible(on: today) }
        agenda.overdue = tasks.filter { $0.isOverdue(on: today) }.map { Agenda.Item(account: names[$0.accountID]!, text: "#\($0.id!) \($0.text)", detail: "due \($0.due!), \(Format.count(Double($0.due!.days(until: today)), "day")) late") }
        agenda.dueToday = tasks.filter { $0.due == today }.map { Agenda.Item(account: names[$0.accountID]!, text: "#\($0.id!) \($0.text)", detail: $0.owner.map { "owner \($0)" }) }

        let look = try context.lookAtAlerts(context.alerts(of: book), scope: csm == nil ? nil : ids)
        // A red alert stays on the agenda, every day, until someone acknowledges or snoozes it or
        // it clears; "new" is new to whoever is looking. An orange one is shown once to each.
        let open = look.firing.indices.filter { i in !(look.states[i]?.isHidden(on: today) ?? false) }
        func item(_ i: Int, saying since: String?) -> Agenda.Item {
            let a = look.alert(i)
            return Agenda.Item(account: a.account, text: "#\(look.states[i]?.id.map(String.init) ?? "-") \(a.label)",
                               detail: [since, "\(a.evidence.shown) — \(a.who), \(a.within)"].compactMap { $0 }.joined(separator: " · "))
        }
        agenda.openRed = open.filter { look.firing[$0].head.severity != .orange }
            .map { item($0, saying: look.isNew($0) ? "new" : look.states[$0].map(Agenda.since)) }
        agenda.dataGaps = try context.feedGaps(only: ids).map { gap in
            Agenda.Item(account: names[gap.accountID] ?? "?", text: gap.shown, detail: gap.fill)
        }
        agenda.newOrange = open.filter { look.isNew($0) && look.firing[$0].head.severity == .orange }.map { item($0, saying: nil) }

        for health in book {
            let account = health.account
            let input = PlaybookInput(health: health)
            if let renewal = account.renewalDate, renewal >= today, today.days(until: renewal) <= TodayCommand.renewalDays,
               case .success(let prep) = RenewalPrep.make(input) {
                let forecast = RenewalForecast(prep, input: input)
                let item = Agenda.Item(account: account.name, text: "renews \(renewal) (\(prep.daysLeft) days): \(forecast.outlook.label)", detail: forecast.reason)
                if forecast.outlook == .safe { agenda.renewalsSafe.append(item) } else { agenda.renewalsAtRisk.append(item) }
            }
            let cadence = Cadence(account)
            if let every = cadence.qbrEveryDays {
                let rule = "\(cadence.row.rawValue): QBR \(cadence.qbr)"
                if let last = input.last(.qbrHeld) {
                    let due = last.date.adding(days: every)
                    if today.days(until: due) <= TodayCommand.qbrDays {
                        agenda.qbrs.append(Agenda.Item(account: account.name, text: due <= today ? "QBR overdue since \(due)" : "QBR due by \(due)",
                                                       detail: "last held \(last.date) — \(rule)"))
                    }
                } else if (account.startDate ?? today).adding(days: every) <= today.adding(days: TodayCommand.qbrDays) {
                    agenda.qbrs.append(Agenda.Item(account: account.name, text: "no QBR logged", detail: "\(rule) — 'qbr prep \(account.name)' plans one"))
                }
            }
            if let every = cadence.checkInEveryDays {
                let touch = health.records.lastTouch(on: today)
                let since = touch.map { $0.date.days(until: today) }
                if since.map({ $0 > every }) ?? true {
                    agenda.untouched.append(Agenda.Item(account: account.name, text: touch.map { "last touch \($0.date) (\(Format.count(Double(since!), "day")) ago)" } ?? "no touch logged",
                                                        detail: "\(cadence.row.rawValue): check-ins \(cadence.checkIns)"))
                }
            }
        }
        return agenda
    }
}

struct Agenda: Report {
    struct Item: Encodable { var account: String; var text: String; var detail: String? }
    let today: Day
    let csm: String?
    var overdue: [Item] = []
    var openRed: [Item] = []
    var dueToday: [Item] = []
    var renewalsAtRisk: [Item] = []
    var newOrange: [Item] = []
    var qbrs: [Item] = []
    var renewalsSafe: [Item] = []
    var untouched: [Item] = []
    var dataGaps: [Item] = []

    /// How long an alert seen before has been open, and a snooze that has run out.
    static func since(_ state: AlertState) -> String {
        "open since \(state.firstSeen)" + (state.snoozedUntil.map { ", back from a snooze until \($0)" } ?? "")
    }

    var sections: [(key: String, title: String, items: [Item], style: Style?)] {
        [("overdue_tasks", "Overdue tasks", overdue, .red), ("red_alerts", "Red alerts open", openRed, .red), ("due_today", "Due today", dueToday, .yellow),
         ("renewals_at_risk", "Renewals in 30 days at risk", renewalsAtRisk, .orange), ("new_orange_alerts", "New orange alerts", newOrange, .orange),
         ("qbrs_due", "QBRs due", qbrs, nil), ("renewals_safe", "Renewals in 30 days", renewalsSafe, nil),
         ("untouched", "Past their touch cadence", untouched, nil), ("data_gaps", "Data gaps (not churn signals)", dataGaps, .yellow)]
    }

    func encode(to encoder: Encoder) throws {
        struct Key: CodingKey { var stringValue: String; var intValue: Int? { nil }; init(stringValue: String) { self.stringValue = stringValue }; init?(intValue: Int) { nil } }
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(today, forKey: Key(stringValue: "date"))
        try c.encode(csm, forKey: Key(stringValue: "csm"))
        for s in sections { try c.encode(s.items, forKey: Key(stringValue: s.key)) }
    }

    func render(into doc: inout Document) {
        let weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][today.weekday - 1]
        doc.line(Span("Today — \(weekday) \(today)", .bold), Span(csm.map { " · \($0)'s accounts" } ?? "", .dim))
        let shown = sections.filter { !$0.items.isEmpty }
        guard !shown.isEmpty else {
            doc.line(Span("  nothing due: no overdue task, no new alert, no renewal in 30 days, every account touched within its cadence", .dim))
            return
        }
        for s in shown {
            doc.blank()
            doc.line(Span(s.title, .bold), Span(" (\(s.items.count))", .dim))
            for item in s.items {
                // Not numbered: the numbers a CSM types are the tasks' and alerts' own (#12).
                doc.wrapped(Span("  - "), text: [Span(item.account, .bold), Span(" — "), Span(item.text, s.style), Span(item.detail.map { " · \($0)" } ?? "", .dim)])
            }
        }
    }
}
