import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `list accounts [at-risk | TIER | SEGMENT | CSM]`: the book of business, riskiest first.
struct ListAccountsCommand: Command {
    let spec = CommandSpec(
        name: "list accounts",
        phrases: ["list accounts", "list", "accounts", "list all accounts", "list accounts {filter}", "list {filter} accounts",
                  "list {filter}", "{filter} accounts", "show accounts", "show {filter} accounts",
                  "列出账户", "账户列表", "所有账户", "列出{filter}账户", "{filter}账户"],
        usage: "list accounts [FILTERS] [by ARR | score | renewal | last touch | trend | risk]",
        summary: "accounts with score, tier, churn risk and trend, riskiest first",
        details: """
            Filters: at-risk (churn risk high or critical: every P0–P1 account, and any other whose churn \
            drivers raise it there; with a fitted churn model in force, its probability cut-offs), a tier (healthy, warning, high risk, critical, \
            or P0–P3), a segment (enterprise, mid-market, smb), churned, or a CSM's name. \
            Also: declining (rising, volatile, stable), renewing in N days, untouched for N days, churn risk high (or low, medium, critical). \
            Several filters narrow together: 'list at-risk enterprise accounts for Priya'. 'by ARR' (score, renewal, last touch, trend, risk) \
            sorts; 'view save NAME' keeps the words of the last list.
            """,
        examples: ["list accounts", "list at-risk accounts", "list accounts at risk", "list healthy accounts", "list enterprise accounts",
                   "list accounts for Dana", "列出账户", "list critical smb accounts"],
        accountSlots: [])

    func run(_ request: Request, in context: Context) throws -> Report {
        try list(request["filter"] ?? "", in: context)
    }

    /// The list for these words (a saved view's, too).
    func list(_ words: String, in context: Context) throws -> Report {
        let book = try context.book().summaries
        let filter = try AccountFilter(words, csms: Set(book.compactMap(\.account.csm)), user: context.user)
        // Sorted by keys made once: a summary is a large value to move, its name slow to make.
        let keys = book.map(AccountList.riskiestFirst)
        var rows = book.indices.filter { filter.accepts(book[$0]) }.sorted { keys[$0] < keys[$1] }.map { book[$0] }
        if let order = filter.order { rows = AccountList.sorted(rows, by: order) }
        context.remembered[AccountList.wordsKey] = words
        return AccountList(filter: filter.description, rows: rows, book: book, byRisk: filter.atRisk,
                           byTouch: filter.untouchedDays != nil || filter.order == .lastTouch, order: filter.order?.rawValue)
    }
}

/// The filters of `list accounts`, each a word or two the CSM types.
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

    enum Order: String, CaseIterable {
        case arr = "ARR, largest first", score = "score, lowest first", renewal = "renewal, soonest first",
             lastTouch = "last touch, longest ago first", trend = "four-week change, steepest fall first", risk = "churn risk, highest first"

        init?(_ words: [String]) {
            switch words.joined(separator: " ") {
            case "arr", "revenue", "value": self = .arr
            case "score", "health": self = .score
            case "renewal", "renewal date", "renewals": self = .renewal
            case "last touch", "touch": self = .lastTouch
            case "trend", "change": self = .trend
            case "risk", "churn risk": self = .risk
            default: return nil
            }
        }
    }
    private var words: [String] = []

    init(_ text: String, csms known: Set<String>, user: String) throws {
        var tokens = text.comparable.split(separator: " ").map(String.init)
        if let i = tokens.firstIndex(of: "untouched") {
            var end = i + 1
            if end < tokens.count, tokens[end] == "for" { end += 1 }
            guard end < tokens.count, let n = Int(tokens[end]), n > 0 else {
                throw CommandError("untouched takes a number of days: 'list accounts untouched for 30 days'")
            }
            end += 1
            if end < tokens.count, ["days", "day"].contains(tokens[end]) { end += 1 }
            untouchedDays = n
            tokens.removeSubrange(i..<end)
            words.append("untouched for \(n) days")
        }
        if let i = tokens.firstIndex(of: "renewing") {
            var end = i + 1
            if end < tokens.count, ["in", "within"].contains(tokens[end]) { end += 1 }
            guard end < tokens.count, let n = Int(tokens[end]), n > 0 else {
                throw CommandError("renewing takes a number of days: 'list accounts renewing in 60 days'")
            }
            end += 1
            if end < tokens.count, ["days", "day"].contains(tokens[end]) { end += 1 }
            renewingDays = n
            tokens.removeSubrange(i..<end)
            words.append("renewing in \(n) days")
        }
        if let i = tokens.indices.first(where: { tokens[$0] == "churn" && $0 + 2 < tokens.count && tokens[$0 + 1] == "risk" }) {
            guard let level = ChurnRisk.Level.allCases.first(where: { $0.label == tokens[i + 2] }) else {
                throw CommandError("churn risk is low, medium, high or critical: 'list accounts churn risk high'")
            }
            levels.insert(level)
            tokens.removeSubrange(i...(i + 2))
            words.append("churn risk \(level.label)")
        }
        if let i = tokens.firstIndex(of: "by"), i + 1 < tokens.count {
            let rest = Array(tokens[(i + 1)...])
            if let (order, n) = [2, 1].lazy.compactMap({ n in rest.count >= n ? Order(Array(rest.prefix(n))).map { ($0, n) } : nil }).first {
                self.order = order
                tokens.removeSubrange(i...(i + n))
            } else if Segment(parsing: rest[0]) == nil, AccountFilter.csms(known, named: rest[0]).isEmpty, !["segment", "csm"].contains(rest[0]) {
                throw CommandError("cannot sort by '\(rest[0].excerpt)' — sort by ARR, score, renewal, last touch, trend or risk")
            }
        }
        for (word, direction) in [("declining", Trend.Direction.declining), ("rising", .rising), ("volatile", .volatile), ("stable", .stable)] {
            if let i = tokens.firstIndex(of: word) {
                trends.insert(direction)
                tokens.remove(at: i)
                words.append(word)
            }
        }
        let filler: Set<String> = ["for", "by", "of", "owned", "csm", "the", "all", "with", "tier", "segment", "accounts", "account", "in", "from", "on"]
        while !tokens.isEmpty {
            let two = tokens.count > 1 ? tokens[0] + " " + tokens[1] : ""
            if ["at risk", "high risk", "mid market"].contains(two) {
                apply(two)
                tokens.removeFirst(2)
                continue
            }
            let word = tokens.removeFirst()
            if filler.contains(word) { continue }
            if apply(word) { continue }
            if ["mine", "my", "我的"].contains(word) {
                let mine = try AccountFilter.me(known, user: user)
                csms.formUnion(mine)
                words.append(mine.sorted().joined(separator: " or "))
                continue
            }
            // A CSM: the longest run of words that starts a CSM's name.
            var run = word
            var matches = AccountFilter.csms(known, named: run)
            while let next = tokens.first, !matches.isEmpty {
                let longer = run + " " + next
                let narrower = known.filter { $0.comparable.hasPrefix(longer) }
                if narrower.isEmpty { break }
                run = longer
                matches = narrower
                tokens.removeFirst()
            }
            guard !matches.isEmpty else {
                // A typo of "accounts" is the command mistyped, not a filter ("list acounts").
                if editDistance(word, "accounts", limit: 2) <= 2 || editDistance(word, "account", limit: 2) <= 1 {
                    throw CommandError("unknown filter '\(word.excerpt)' — did you mean 'list accounts'?")
                }
                let vocabulary = ["at-risk", "healthy", "warning", "critical", "enterprise", "mid-market", "smb", "churned"]
                    + known.compactMap { $0.split(separator: " ").first.map { String($0).lowercased() } }
                let near = vocabulary.filter { editDistance(word, $0.comparable, limit: 2) <= max(1, min(2, word.count / 4)) }
                throw CommandError("unknown filter '\(word.excerpt)' — " + (near.isEmpty ? "" : "did you mean '\(near[0])'? ")
                    + "use at-risk, a tier (healthy, warning, high risk, critical, P0–P3), "
                    + "a segment (enterprise, mid-market, smb), churned, or a CSM (\(known.sorted().joined(separator: ", ")))")
            }
            csms.formUnion(matches)
            words.append(matches.sorted().joined(separator: " or "))
        }
    }

    /// The CSM the user is (CSE_USER, else the login name, as the CSM column names them).
    static func me(_ known: Set<String>, user: String) throws -> Set<String> {
        let mine = known.filter { $0.comparable == user.comparable || $0.comparable.split(separator: " ").first.map(String.init) == user.comparable }
        guard !mine.isEmpty else {
            throw CommandError("no CSM is named '\(user.excerpt)' (you, from CSE_USER or your login name) — the CSMs are "
                               + known.sorted().joined(separator: ", ") + "; set CSE_USER to yours")
        }
        return mine
    }

    /// The CSMs whose name, or one word of it, starts with `text` ("dana", "whit").
    static func csms(_ known: Set<String>, named text: String) -> Set<String> {
        let key = text.comparable
        return known.filter { $0.comparable.hasPrefix(key) || $0.comparable.split(separator: " ").contains { $0.hasPrefix(key) } }
    }

    @discardableResult
    private mutating func apply(_ word: String) -> Bool {
        switch word {
        case "at risk", "atrisk", "risky", "风险", "高风险客户": atRisk = true
        case "healthy", "green", "p3", "健康": tiers.insert(.healthy)
        case "warning", "yellow", "p2", "警告": tiers.insert(.warning)
        case "high risk", "highrisk", "orange", "p1": tiers.insert(.highRisk)
        case "critical", "red", "p0", "危险": tiers.insert(.critical)
        case "churned", "lost", "流失": churned = true
        default:
            guard let segment = Segment(parsing: word) else { return false }
            segments.insert(segment)
        }
        words.append(word)
        return true
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

    var description: String { words.joined(separator: ", ") }
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

    /// What `view save` keeps: the words of the last list in this shell.
    static let wordsKey = "list accounts words"

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
