import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `expansion [ACCOUNT]`: expansion signals with their numbers and the plays they call for;
/// with no account, every account with a signal, ranked.
struct ExpansionCommand: Command {
    let spec = CommandSpec(
        name: "expansion",
        phrases: ["expansion", "expansion {account}", "expansion for {account}", "expansion opportunities", "expansion opportunities {account}",
                  "upsell {account}", "{account} expansion", "{account}的扩展机会", "扩展机会", "扩展机会 {account}"],
        usage: "expansion [ACCOUNT] [as of DATE]",
        summary: "expansion signals, plays with an ROI line, the upgrade path; ranked over the book",
        details: """
            The signals: seat use above 80% (monthly users ÷ licensed seats), usage at the limit, a new team asking, \
            premium features requested, funding announced, champion promoted (events of the last 90 days), users growing \
            10% a month. Seats are priced from the account's ARR per licensed seat. An at-risk account is told to fix \
            its health first.
            """,
        examples: ["expansion Globex", "expansion", "upsell Stark", "扩展机会"],
        natural: Natural(.bookOrAccount, cues: ["expansion": 3, "expand": 3, "upsell": 3, "upsell signals": 4, "cross-sell": 3, "grow": 1, "growth potential": 3, "buy more": 3, "expansion signals": 4, "ready to buy": 2, "expansion angle": 3, "opportunities": 1, "扩展": 3, "扩展机会": 4, "增购": 3, "增购机会": 4, "扩容": 3, "扩张": 3, "增购空间": 4], questions: ["where can we upsell?", "Stark的扩展机会"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        if let ref = request.account() {
            let account = try context.account(ref)
            return Expansion.make(try context.playbookInput(account)).report(account, plan: "expansion") {
                ExpansionReport(account: account, expansion: $0)
            }
        }
        let found = try context.portfolio(withRecords: true).compactMap { health -> (AccountHealth, Expansion)? in
            guard case .success(let e) = Expansion.make(PlaybookInput(health: health)), !e.signals.isEmpty else { return nil }
            return (health, e)
        }
        let ranked = found.sorted { a, b in
            (a.1.hold == nil ? 1 : 0, a.1.signals.filter { $0.strength.hasPrefix("🔥") }.count, a.1.potential, a.0.account.arr ?? Money(cents: 0))
                > (b.1.hold == nil ? 1 : 0, b.1.signals.filter { $0.strength.hasPrefix("🔥") }.count, b.1.potential, b.0.account.arr ?? Money(cents: 0))
        }
        return ExpansionBook(rows: ranked.map { ($0.0.account, $0.0.current, $0.1) })
    }
}

struct ExpansionReport: Report {
    let account: Account
    let expansion: Expansion

    enum Keys: String, CodingKey { case account, applies, plan, signals, plays, upgradePath = "upgrade_path", potentialArr = "potential_arr", hold }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(true, forKey: .applies)
        try c.encode(account.plan, forKey: .plan)
        try c.encode(expansion.signals, forKey: .signals)
        try c.encode(expansion.plays, forKey: .plays)
        try c.encode(expansion.upgradePath, forKey: .upgradePath)
        try c.encode(expansion.potential.dollars, forKey: .potentialArr)
        try c.encode(expansion.hold, forKey: .hold)
    }

    func render(into doc: inout Document) {
        doc.line(Span(account.name, .bold), " — expansion", Span([account.plan, account.arr.map { "ARR \($0)" }].compactMap { $0 }.map { " · " + $0 }.joined(), .dim))
        if let hold = expansion.hold { doc.wrapped(Span("  "), text: [Span("hold: ", .red), Span(hold)]) }
        doc.blank()
        doc.line(Span("Signals", .bold))
        if expansion.signals.isEmpty {
            doc.wrapped(Span("  "), text: [Span("none in the last \(Expansion.window) days: seat use is at or under 80%, and no usage-limit, new-team, premium-feature, funding or promotion event is logged", .dim)])
        }
        for s in expansion.signals {
            doc.wrapped(Span("  \(s.strength) "), text: [Span(s.signal, .bold), Span(" — \(s.evidence)"), Span(" → \(s.action)", .dim)])
        }
        for play in expansion.plays {
            doc.blank()
            doc.line(Span("Play: \(play.play)", .bold))
            for (i, step) in play.steps.enumerated() { doc.wrapped(Span("  \(i + 1). "), text: step) }
            doc.wrapped(Span("  ROI  ", .bold), text: play.roi)
        }
        doc.blank()
        doc.wrapped(Span("Upgrade path ", .bold), text: expansion.upgradePath.isEmpty
                    ? (account.plan.map { "\($0) is the top plan — grow by seats and departments" } ?? "no plan on record")
                    : ([account.plan ?? "?"] + expansion.upgradePath).joined(separator: " → "))
    }
}

struct ExpansionBook: Report {
    let rows: [(account: Account, score: HealthScore?, expansion: Expansion)]

    struct Row: Encodable {
        var account: String
        var arr: Double?
        var score: Double?
        var signals: [String]
        var plays: [String]
        var potentialArr: Double
        var hold: Bool
        enum CodingKeys: String, CodingKey { case account, arr, score, signals, plays, potentialArr = "potential_arr", hold }
    }

    enum Keys: String, CodingKey { case accounts, potentialArr = "potential_arr" }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(rows.map { Row(account: $0.account.name, arr: $0.account.arr?.dollars, score: $0.score?.shown, signals: $0.expansion.signals.map(\.signal),
                                    plays: $0.expansion.plays.map(\.play), potentialArr: $0.expansion.potential.dollars, hold: $0.expansion.hold != nil) },
                     forKey: .accounts)
        try c.encode(rows.filter { $0.expansion.hold == nil }.reduce(Money(cents: 0)) { $0 + $1.expansion.potential }.dollars, forKey: .potentialArr)
    }

    func render(into doc: inout Document) {
        guard !rows.isEmpty else { doc.line(Span("no account shows an expansion signal", .dim)); return }
        var table = TextTable([.init("Account"), .init("Health", right: true), .init("ARR", right: true), .init("Seats +ARR", right: true),
                               .init("Signals", wraps: true)])
        for r in rows {
            table.add(Span(r.account.name, r.expansion.hold == nil ? .bold : .dim),
                      Span(r.score.map { "\(Format.oneDecimal($0.shown)) \($0.band.emoji)" } ?? "—"),
                      Span(r.account.arr?.description ?? "—"),
                      Span(r.expansion.potential.cents > 0 ? "+\(r.expansion.potential)" : "—"),
                      Span((r.expansion.hold != nil ? "hold (at risk): " : "") + r.expansion.signals.map(\.signal).joined(separator: ", "),
                           r.expansion.hold != nil ? .dim : nil))
        }
        doc.table(table)
        let total = rows.filter { $0.expansion.hold == nil }.reduce(Money(cents: 0)) { $0 + $1.expansion.potential }
        doc.line(Span("\(rows.count) account\(rows.count == 1 ? "" : "s") with signals · seats alone +\(total) ARR at today's price per seat (at-risk accounts held)", .dim))
    }
}
