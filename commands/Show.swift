import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `show ACCOUNT`: the profile, the contacts and the latest week's raw metrics.
struct ShowCommand: Command {
    let spec = CommandSpec(
        name: "show",
        phrases: ["show {account}", "show account {account}", "profile {account}", "profile of {account}", "{account} profile",
                  "account {account}", "{account}的资料", "{account}的概况", "{account}的档案", "查看{account}", "查看 {account}"],
        usage: "show ACCOUNT",
        summary: "profile, contacts, recent events, latest raw metrics",
        examples: ["show Acme", "show account Globex", "profile of Hooli", "星辰科技的资料"],
        natural: Natural(.account, cues: ["profile": 3, "contacts": 3, "contact": 2, "champion": 2, "who do i talk to": 3, "talk to": 2, "raw metrics": 3, "details": 2, "tell me about": 3, "what do we know about": 3, "know about": 2, "open": 2, "account page": 3, "shwo": 1, "资料": 3, "联系人": 3, "基本信息": 3, "详情": 3, "原始指标": 3, "打开": 3, "档案": 3, "概况": 3, "是谁": 1], questions: ["who's our champion at Acme?", "tell me about Globex", "Umbrella的联系人有谁"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let records = try context.records(of: account)
        let latest = try context.snapshots(of: account).last { $0.week <= context.today }
        let events = records.events.filter { $0.date <= context.today }
        let left = records.departures(on: context.today)
        let current = records.contacts(on: context.today)
        // A person given a role was on record without one: that row is not someone replaced.
        let former = left.map { AccountProfile.Former(contact: $0.contact, how: "left", on: $0.event.date, details: $0.event.details) }
            + records.allContacts.filter { c in !c.holdsRole(on: context.today) && !left.contains { $0.contact == c }
                && (c.role != nil || !current.contains { $0.name.comparable == c.name.comparable }) }
                .map { AccountProfile.Former(contact: $0, how: "replaced", on: $0.replacedOn!, details: nil) }
        // A churned account pays nothing now: there is no ARR to compare.
        let ledger = account.isChurned(on: context.today) ? nil : BookFigures.ledgerARR(try context.store.subscriptions(accountID: account.id!), on: context.today)
        // An event's weekly count stands for it here; its other forms are for 'trend'.
        let custom = try context.customMetrics(of: account).filter { $0.source == .snapshots || $0.name.hasSuffix(" per week") }.compactMap { m in
            m.weeks.last { $0.week <= context.today }.map { AccountProfile.Custom(name: m.name, source: m.source, week: $0.week, value: $0.value) }
        }
        return AccountProfile(account: account, ledgerARR: ledger, contacts: current, former: former.sorted { $0.on > $1.on },
                              recordsContacts: records.recordsContacts, latest: latest, lastTouch: records.lastTouch(on: context.today), custom: custom, events: Array(events.suffix(5)), today: context.today)
    }
}

struct AccountProfile: Report {
    let account: Account
    /// What the subscription ledger says the account pays a year today, when it has rows.
    let ledgerARR: Money?
    /// Those holding their role today.
    let contacts: [Contact]
    /// Who held a role before: left (a "champion left" event says so) or replaced, newest first.
    struct Former { var contact: Contact; var how: String; var on: Day; var details: String? }
    let former: [Former]
    let recordsContacts: Bool
    let latest: Snapshot?
    /// The CSM's latest call, e-mail, meeting, QBR or kickoff.
    let lastTouch: Event?
    /// Metrics of the workspace's own: each one's latest week.
    struct Custom { var name: String; var source: CustomMetric.Source; var week: Day; var value: Double }
    let custom: [Custom]
    /// The most recent events, oldest first.
    let events: [Event]
    let today: Day

    var stage: (stage: LifecycleStage, day: Int)? { LifecycleStage.of(account, on: today) }

    enum Keys: String, CodingKey {
        case account, aliases, segment, plan, arr, ledgerARR = "ledger_arr", csm, startDate = "start_date", lifecycleStage = "lifecycle_stage", day,
             renewalDate = "renewal_date", daysToRenewal = "days_to_renewal", churnDate = "churn_date", churnReason = "churn_reason",
             contacts, former = "former_contacts", events, week, metrics, fromEvents = "from_product_events", custom = "custom_metrics",
             lastTouch = "last_touch"
    }

    struct CustomJSON: Encodable { var name, source: String; var week: Day; var value: Double }

    struct EventJSON: Encodable { var date: Day; var kind: String; var details: String? }

    struct ContactJSON: Encodable { var role: String?; var name: String; var title, email: String? }

    struct FormerJSON: Encodable { var role: String?; var name, how: String; var on: Day; var details: String? }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(account.aliases, forKey: .aliases)
        try c.encode(account.segment?.rawValue, forKey: .segment)
        try c.encode(account.plan, forKey: .plan)
        try c.encode(account.arr?.dollars, forKey: .arr)
        try c.encode(ledgerARR?.dollars, forKey: .ledgerARR)
        try c.encode(account.csm, forKey: .csm)
        try c.encode(account.startDate, forKey: .startDate)
        try c.encode(stage?.stage.rawValue, forKey: .lifecycleStage)
        try c.encode(stage?.day, forKey: .day)
        try c.encode(account.renewalDate, forKey: .renewalDate)
        try c.encode(account.renewalDate.map { today.days(until: $0) }, forKey: .daysToRenewal)
        try c.encode(account.churnDate, forKey: .churnDate)
        try c.encode(account.churnReason, forKey: .churnReason)
        try c.encode(lastTouch.map { EventJSON(date: $0.date, kind: $0.kind, details: $0.details) }, forKey: .lastTouch)
        try c.encode(contacts.map { ContactJSON(role: $0.role?.rawValue, name: $0.name, title: $0.title, email: $0.email) }, forKey: .contacts)
        try c.encode(former.map { FormerJSON(role: $0.contact.role?.rawValue, name: $0.contact.name, how: $0.how, on: $0.on, details: $0.details) },
                     forKey: .former)
        try c.encode(events.map { EventJSON(date: $0.date, kind: $0.kind, details: $0.details) }, forKey: .events)
        try c.encode(latest?.week, forKey: .week)
        var metrics: [String: Double?] = [:]
        if let latest { for f in SnapshotField.allCases where f != .execRelationship { metrics[f.rawValue] = latest[f] } }
        try c.encode(metrics, forKey: .metrics)
        try c.encode(SnapshotField.allCases.filter { latest?.isFromEvents($0) ?? false }.map(\.rawValue), forKey: .fromEvents)
        try c.encode(custom.map { CustomJSON(name: $0.name, source: $0.source.rawValue, week: $0.week, value: $0.value) }, forKey: .custom)
    }

    func render(into doc: inout Document) {
        doc.line(Span(account.name, .bold))
        var profile = TextTable([.init(""), .init("", wraps: true)], indent: 2, showHeader: false)
        func row(_ label: String, _ value: String?) { profile.add(Span(label, .dim), Span(value ?? "—")) }
        if !account.aliases.isEmpty { row("aliases", account.aliases.joined(separator: ", ")) }
        row("segment", account.segment?.label)
        row("plan", account.plan)
        row("ARR", account.arr.map { arr in
            // Within a dollar is MRR rounded to the cent, not a disagreement.
            guard let ledger = ledgerARR, abs(ledger.cents - arr.cents) >= 100 else { return arr.description + (ledgerARR == nil ? "" : " (the ledger agrees)") }
            return "\(arr) — the subscription ledger says \(ledger) a year (MRR × 12 on \(today)): they disagree"
        } ?? ledgerARR.map { "not on record; the subscription ledger says \($0) a year" })
        row("CSM", account.csm)
        row("start date", account.startDate.map { d in "\(d)" + (stage.map { " — \($0.stage.rawValue), day \($0.day)" } ?? "") })
        row("renewal date", account.renewalDate.map { d in
            let days = today.days(until: d)
            return "\(d) — " + (days >= 0 ? "in \(Format.count(Double(days), "day"))" : "\(Format.count(Double(-days), "day")) ago")
        })
        if let churn = account.churnDate { row("churned", "\(churn)" + (account.churnReason.map { " — \($0)" } ?? "")) }
        if !account.isChurned(on: today) {
            row("last touch", lastTouch.map { t in
                let days = t.date.days(until: today)
                return "\(t.date) — \(t.kind)" + (t.details.map { " \($0)" } ?? "") + " (" + (days == 0 ? "today" : days == 1 ? "yesterday" : "\(days) days ago") + ")"
            } ?? "none logged — 'log \(account.name) call …' records one")
        }
        doc.table(profile)
        doc.blank()
        doc.line(Span("Contacts", .bold))
        if !recordsContacts {
            doc.wrapped(Span("  "), text: [Span("none recorded — a data gap, not a risk: 'set \(account.name) champion NAME' fills it", .dim)])
        } else {
            var table = TextTable([.init(""), .init(""), .init("", wraps: true), .init("")], indent: 2, showHeader: false)
            for c in contacts { table.add(Span(c.roleLabel, .dim), Span(c.name), Span(c.title ?? ""), Span(c.email ?? "")) }
            for f in former {
                table.add(Span("\(f.how) \(f.on)", f.how == "left" ? .red : .dim), Span(f.contact.name, .dim),
                          Span("was \(f.contact.role.map(\.label) ?? "a contact")" + (f.contact.title.map { ", \($0)" } ?? ""), .dim), Span(f.contact.email ?? "", .dim))
            }
            doc.table(table)
        }
        let missingRoles = Contact.Role.allCases.filter { r in !contacts.contains { $0.role == r } }
        if recordsContacts && !missingRoles.isEmpty {
            doc.line(Span("  no \(missingRoles.map(\.label).joined(separator: ", "))", .yellow))
        }
        if !events.isEmpty {
            doc.blank()
            doc.line(Span("Recent events", .bold))
            var table = TextTable([.init(""), .init(""), .init("", wraps: true)], indent: 2, showHeader: false)
            for e in events.reversed() {
                table.add(Span(e.date.description, .dim), Span(e.kind, e.kind == "champion left" ? .red : nil), Span(e.details ?? ""))
            }
            doc.table(table)
        }
        doc.blank()
        guard let latest else {
            doc.line(Span("No weekly snapshot yet.", .dim))
            return
        }
        doc.line(Span("Latest week (ending \(latest.week))", .bold))
        var metrics = TextTable([.init(""), .init("", right: true), .init("")], indent: 2, showHeader: false)
        for field in SnapshotField.allCases {
            let value = latest[field]
            let derived = latest.isFromEvents(field)
            metrics.add(Span(field.rawValue, .dim), value.map { Span(derived ? Format.number($0) : field.format($0)) } ?? Span("missing", .yellow),
                        Span(derived ? "from product events" : "", .dim))
        }
        doc.table(metrics)
        guard !custom.isEmpty else { return }
        doc.blank()
        doc.line(Span("Metrics of the workspace's own", .bold))
        doc.wrapped(Span("  "), text: [Span("'trend \(account.name) METRIC' shows one week by week; an event also counts per 28 days and per active user", .dim)])
        var table = TextTable([.init(""), .init("", right: true), .init("")], indent: 2, showHeader: false)
        for m in custom {
            table.add(Span(m.name, .dim), Span(Format.number(m.value)),
                      Span((m.source == .events ? "product events" : "snapshot column") + (m.week == latest.week ? "" : ", week ending \(m.week)"), .dim))
        }
        doc.table(table)
    }
}
