import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `list accounts [at-risk | TIER | SEGMENT | CSM]`: the book of business, lowest health score first.
struct ListAccountsCommand: Command {
    let spec = CommandSpec(
        name: "list accounts",
        phrases: ["list {options} accounts", "list accounts", "list", "accounts", "list all accounts", "{options} accounts", "show accounts",
                  "show {options} accounts", "show all accounts", "customers", "{options} customers", "list {options} customers",
                  "列出账户", "账户列表", "所有账户", "列出{options}账户", "{options}账户", "列出客户", "客户列表", "所有客户", "列出{options}客户",
                  "{options}客户", "列出所有{options}客户"],
        options: ListAccountsCommand.options,
        usage: "list accounts [FILTERS] [by ARR | score | renewal | last touch | trend | risk]",
        summary: "accounts with score, tier, churn risk and trend, lowest health score first",
        details: """
            Filters: at-risk (churn risk high or critical: every P0–P1 account, and any other whose churn \
            drivers raise it there; with a fitted churn model in force, its probability cut-offs), a tier (healthy, warning, high risk, critical, \
            or P0–P3), a segment (enterprise, mid-market, smb), churned, a CSM (for Priya), or mine. \
            Also: declining (rising, volatile, stable), renewing in N days, untouched for N days, churn risk high (or low, medium, critical). \
            Several filters narrow together: 'list at-risk enterprise accounts for Priya'. 'by ARR' (score, renewal, last touch, trend, risk) \
            sorts; 'view save NAME' keeps the last list.
            """,
        examples: ["list accounts", "list at-risk accounts", "list accounts at risk", "list healthy accounts", "list enterprise accounts",
                   "list accounts for Dana", "列出账户", "list critical smb accounts", "list accounts by churn risk for Dana"],
        optionsHelp: "use at-risk, a tier (healthy, warning, high risk, critical, P0–P3), a segment (enterprise, mid-market, smb), churned, "
            + "a CSM (for NAME), mine, declining, renewing in N days, untouched for N days, churn risk LEVEL, or by ARR | score | renewal | last touch | trend | risk",
        natural: Natural(.book, cues: ["list": 2, "accounts": 2, "account": 1, "customers": 2, "clients": 2, "book": 0.5, "which": 1, "who": 1,
                                       "anyone": 1, "everyone": 1, "tier": 1, "own": 1.5, "owns": 1.5, "rank": 1, "what's at risk": 3, "what was at risk": 3, "show": 0.5, "客户": 1.5, "列出": 3, "哪些": 0.5, "有哪些": 0.5, "谁": 1],
                         optionWeight: 1.5, questions: ["which accounts are at risk?", "show me at-risk accounts for Priya", "biggest enterprise accounts first",
                                     "哪些客户有风险", "Priya负责的企业客户，按ARR排"]))

    static let options: [OptionSpec] = [
        OptionSpec("at-risk", "at-risk", "at risk", "atrisk", "risky", "in trouble", "有风险", "有风险的", "风险"),
        OptionSpec("tier", type: .choice(Words.tier), repeats: true, "{value}", "{value} tier", "tier {value}"),
        OptionSpec("segment", type: .choice(Words.segment), repeats: true, "{value}", "segment {value}"),
        OptionSpec("churned", "churned", "lost", "流失", "已流失", "已经流失", "已经流失的", "流失的"),
        Words.csmOption,
        Words.mineOption,
        OptionSpec("trend", type: .choice(Words.trend), repeats: true, "{value}", "trending {value}"),
        OptionSpec("renewing", type: .days, "renewing in {value}", "renewing within {value}", "renewing in the next {value}",
                   "renewing before {value}", "{value}内续约", "{value}内续约的", "{value}续约的"),
        OptionSpec("untouched", type: .days, "untouched for {value}", "untouched in {value}", "not touched in {value}", "not touched for {value}",
                   "nobody's touched in {value}", "nobody has touched in {value}", "haven't touched in {value}", "haven't we touched in {value}",
                   "nobody has talked to in {value}", "haven't talked to in {value}", "not contacted in {value}", "not contacted for {value}",
                   "{value}没联系过", "{value}没联系", "{value}没碰过", "{value}没有联系"),
        OptionSpec("churn risk", type: .choice(Words.level), "churn risk {value}", "{value} churn risk", "with {value} churn risk",
                   "churn risk is {value}", "where churn risk is {value}",
                   "流失风险{value}", "流失风险{value}的"),
        OptionSpec("by", type: .choice(Words.order), "by {value}", "sorted by {value}", "sort by {value}", "ordered by {value}", "order by {value}",
                   "{value} first", "{value} accounts first", "按{value}排", "按{value}排序", "按{value}排一下", "按{value}"),
    ]

    /// The list a request asks for (a saved view's, too).
    func run(_ request: Request, in context: Context) throws -> Report {
        let book = try context.book().summaries
        let filter = try AccountFilter(request, mine: request.flag("mine") ? try context.me() : nil)
        // Sorted by keys made once: a summary is a large value to move, its name slow to make.
        let keys = book.map(AccountList.riskiestFirst)
        var rows = book.indices.filter { filter.accepts(book[$0]) }.sorted { keys[$0] < keys[$1] }.map { book[$0] }
        if let order = filter.order { rows = AccountList.sorted(rows, by: order) }
        return AccountList(filter: filter.description, rows: rows, book: book, byRisk: filter.atRisk,
                           byTouch: filter.untouchedDays != nil || filter.order == .lastTouch, order: filter.order?.rawValue)
    }
}

/// The filters of `list accounts`, as the request holds them.
struct AccountFilter {
    var atRisk = false
    var tiers: Set<Tier> = []
    var segments: Set<Segment> = []
    var churned = false
    var csms: Set<String> = []
    /// "untouched for 30 days": no call, e-mail, meeting, QBR or kickoff logged in that many days.
    var untouchedDays: Int?
    /// "renewing in 60 days": a renewal from today to that many days ahead.
    var renewingDays: Int?
    /// "declining", "rising", "volatile", "stable".
    var trends: Set<Trend.Direction> = []
    /// "churn risk high": these churn-risk levels.
    var levels: Set<ChurnRisk.Level> = []
    /// "by ARR", "by score", "by renewal", "by last touch", "by trend", "by risk".
    var order: Order?
    /// The filters in words, for the line under the list.
    var description = ""

    enum Order: String, CaseIterable {
        case arr = "ARR, largest first", score = "score, lowest first", renewal = "renewal, soonest first",
             lastTouch = "last touch, longest ago first", trend = "four-week change, steepest fall first", risk = "churn risk, highest first"

        /// How a request names it.
        var code: String { String(describing: self) }
    }

    /// Renewals in this many days when "renewing" is said without a number.
    static let renewingDefault = 90

    /// `mine`: the CSM the user is, when the request says "mine" (`Context.me`).
    init(_ request: Request, mine: String?) throws {
        var words: [String] = []
        if request.flag("at-risk") { atRisk = true; words.append("at risk") }
        for code in request.choices("tier") {
            let tier = Tier(rawValue: code)!
            tiers.insert(tier)
            words.append(tier.label)
        }
        for code in request.choices("segment") {
            let segment = Segment(rawValue: code)!
            segments.insert(segment)
            words.append(segment.rawValue)
        }
        if request.flag("churned") { churned = true; words.append("churned") }
        for code in request.choices("trend") {
            trends.insert(Trend.Direction(rawValue: code)!)
            words.append(code)
        }
        if request.has("renewing") {
            renewingDays = request.count("renewing") ?? AccountFilter.renewingDefault
            words.append("renewing in \(renewingDays!) days")
        }
        if let days = request.count("untouched") {
            guard days > 0 else { throw CommandError("untouched takes a number of days: 'list accounts untouched for 30 days'") }
            untouchedDays = days
            words.append("untouched for \(days) days")
        }
        if let code = request.choice("churn risk") {
            levels.insert(ChurnRisk.Level.allCases.first { $0.label == code }!)
            words.append("churn risk \(code)")
        }
        let named = request.csms()
        csms.formUnion(named)
        if !named.isEmpty { words.append(named.joined(separator: " or ")) }
        if let mine {
            csms.insert(mine)
            words.append(mine)
        }
        order = request.choice("by").flatMap { code in Order.allCases.first { $0.code == code } }
        description = words.joined(separator: ", ")
    }

    func accepts(_ health: AccountSummary) -> Bool {
        if churned || atRisk || !tiers.isEmpty {
            var status = churned && health.isChurned
            if !health.isChurned, atRisk || !tiers.isEmpty {
                let tierOK = tiers.isEmpty || (health.tier.map(tiers.contains) ?? false)
                status = status || ((!atRisk || health.isAtRisk) && tierOK)
            }
            if !status { return false }
        }
        if !segments.isEmpty && !(health.account.segment.map(segments.contains) ?? false) { return false }
        if !csms.isEmpty && !(health.account.csm.map(csms.contains) ?? false) { return false }
        if !trends.isEmpty && (health.isChurned || !trends.contains(health.trend.direction)) { return false }
        if !levels.isEmpty && (health.isChurned || !levels.contains(health.level)) { return false }
        if let days = renewingDays {
            guard !health.isChurned, let renewal = health.account.renewalDate, renewal >= health.asOf, health.asOf.days(until: renewal) <= days else { return false }
        }
        if let days = untouchedDays {
            if health.isChurned { return false }
            if let touch = health.lastTouch, touch.days(until: health.asOf) < days { return false }
        }
        return true
    }
}

struct AccountList: Report {
    let filter: String
    let rows: [AccountSummary]
    /// Every account in the book on the day, for the totals.
    let book: [AccountSummary]
    /// Filtered to the accounts at risk: the ARR shown is the ARR at risk.
    let byRisk: Bool
    /// Filtered by last touch: that column stays however narrow the terminal.
    var byTouch = false
    /// How the rows are sorted, when not riskiest first.
    var order: String? = nil

    var live: Int { book.filter { !$0.isChurned }.count }

    /// Rows in a CSM's order; ties keep the riskiest-first order they came in.
    static func sorted(_ rows: [AccountSummary], by order: AccountFilter.Order) -> [AccountSummary] {
        func key(_ h: AccountSummary) -> Double? {
            switch order {
            case .arr: return h.account.arr.map { -$0.dollars }
            case .score: return h.current?.total
            case .renewal: return h.account.renewalDate.flatMap { $0 >= h.asOf ? Double($0.ordinal) : nil }
            case .lastTouch: return h.lastTouch.map { Double($0.ordinal) } ?? -.infinity
            case .trend: return h.trend.net
            case .risk: return -(Double(h.level.rawValue) + (h.probability ?? 0))
            }
        }
        // Churned accounts, and those without the value, go last.
        return rows.enumerated().sorted { a, b in
            let ka = a.element.isChurned ? nil : key(a.element), kb = b.element.isChurned ? nil : key(b.element)
            switch (ka, kb) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// "3 days ago", "today", or "none logged" — when the account was last touched.
    static func touch(_ h: AccountSummary) -> Span {
        if h.isChurned { return Span("") }
        guard let touch = h.lastTouch else { return Span("none logged", .dim) }
        let days = touch.days(until: h.asOf)
        return Span(days == 0 ? "today" : days == 1 ? "yesterday" : "\(days) days ago", days > 30 ? .yellow : nil)
    }

    /// The key of the riskiest-first order: lowest score first, then no data, then churned.
    static func riskiestFirst(_ h: AccountSummary) -> (Int, Double, String) {
        switch Standing(h) {
        case .tier: return (0, h.current!.total, h.account.name)
        case .noData: return (1, 0, h.account.name)
        case .churned: return (2, 0, h.account.name)
        }
    }

    struct Row: Encodable {
        var account: String
        var segment: String?
        var arr: Double?
        var csm: String?
        var score: Double?
        var tier: String
        var priority: String?
        var trend: String
        var churnRisk: String?
        var churnProbability: Double?
        var lastTouch: Day?
        var week: Day?
        enum CodingKeys: String, CodingKey { case account, segment, arr, csm, score, tier, priority, trend, churnRisk = "churn_risk", churnProbability = "churn_probability",
                                             lastTouch = "last_touch", week }
    }

    enum Keys: String, CodingKey { case filter, order, count, live, churned, arr, arrMeaning = "arr_meaning", atRisk = "at_risk", atRiskMeaning = "at_risk_meaning", arrAtRisk = "arr_at_risk", accounts }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(filter, forKey: .filter)
        try c.encode(order, forKey: .order)
        try c.encode(rows.count, forKey: .count)
        try c.encode(live, forKey: .live)
        try c.encode(rows.filter(\.isChurned).count, forKey: .churned)
        try c.encode(BookFigures.arr(rows).dollars, forKey: .arr)
        try c.encode(BookFigures.arrMeaning, forKey: .arrMeaning)
        try c.encode(rows.filter(\.isAtRisk).count, forKey: .atRisk)
        try c.encode(BookFigures.atRiskMeaning, forKey: .atRiskMeaning)
        try c.encode(BookFigures.arrAtRisk(rows).dollars, forKey: .arrAtRisk)
        try c.encode(rows.map { h in
            Row(account: h.account.name, segment: h.account.segment?.rawValue, arr: h.account.arr?.dollars, csm: h.account.csm,
                score: h.current?.shown, tier: Standing(h).key, priority: h.current?.tier.priority, trend: h.trend.direction.rawValue,
                churnRisk: h.isChurned ? nil : h.level.label, churnProbability: h.isChurned ? nil : h.probability,
                lastTouch: h.lastTouch, week: h.current?.week)
        }, forKey: .accounts)
    }

    func render(into doc: inout Document) {
        guard !rows.isEmpty else {
            doc.line(Span("no accounts" + (filter.isEmpty ? " yet — import some with 'import FILE'" : " match: \(filter)")))
            return
        }
        // With a fitted churn model in force, its probability stands beside the level it sets.
        let fitted = rows.contains { $0.probability != nil }
        var table = TextTable([.init("Account", shrinkable: true), .init("Segment", optional: true), .init("ARR", right: true),
                               .init("Score", right: true), .init("Tier"), .init(fitted ? "Churn risk" : "Risk", optional: true), .init("Trend", optional: true),
                               .init("CSM", shrinkable: true, optional: true), .init("Last touch", optional: !byTouch)])
        for h in doc.fitting(rows) {
            let standing = Standing(h)
            table.add(Span(h.account.name), Span(h.account.segment?.label ?? "—"), Span(h.account.arr?.description ?? "—"),
                      Span(h.current.map { Format.oneDecimal($0.shown) } ?? "—"), Span(standing.label, standing.style),
                      h.isChurned ? Span("") : Span(h.level.label + (h.probability.map { " \(Format.percent($0 * 100))" } ?? ""), h.level.style),
                      Span(standing == .churned ? "" : h.trend.direction == .notEnoughHistory ? "new" : h.trend.label, h.trend.direction == .declining ? .red : nil),
                      Span(h.account.csm ?? "—"), AccountList.touch(h))
        }
        doc.table(table)
        doc.more(rows.count - table.rows.count, "accounts")
        let shown = rows.filter { !$0.isChurned }
        let churned = rows.count - shown.count
        let atRisk = rows.filter(\.isAtRisk)
        var parts: [String] = []
        if !shown.isEmpty || churned == 0 {
            parts.append(filter.isEmpty ? Format.count(Double(live), "live account") : "\(shown.count) of \(Format.count(Double(live), "live account"))")
            parts.append(byRisk ? "ARR at risk \(BookFigures.arrAtRisk(atRisk))" : "ARR \(BookFigures.arr(rows))")
            if !byRisk && !atRisk.isEmpty || filter.isEmpty { parts.append("\(atRisk.count) at risk (ARR at risk \(BookFigures.arrAtRisk(atRisk)))") }
        }
        if churned > 0 { parts.append(Format.count(Double(churned), "churned account") + (shown.isEmpty ? "" : ", not in the ARR")) }
        if !filter.isEmpty { parts.append("filter: \(filter)") }
        if let order { parts.append("sorted by \(order)") }
        doc.wrapped(text: [Span(parts.joined(separator: " · "), .dim)])
    }
}
