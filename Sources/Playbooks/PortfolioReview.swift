import Scoring
import Workspace

/// The weekly dashboard and the eight monthly review questions, from the workspace:
/// accounts and ARR per tier, retention from the ledger, expansion, average health and its
/// trend, renewals in 30 / 60 / 90 days on track or at risk, ARR at risk (`BookFigures`),
/// and each question answered with the accounts and numbers behind it.
public struct PortfolioReview: Sendable {
    public struct TierRow: Equatable, Sendable, Encodable {
        public var tier: String
        public var emoji: String
        public var accounts: Int
        public var arr: Double
    }

    public struct Renewals: Equatable, Sendable, Encodable {
        public var days: Int
        public var accounts: Int
        public var arr: Double
        public var onTrack: Int
        public var atRisk: [String]

        enum CodingKeys: String, CodingKey { case days, accounts, arr, onTrack = "on_track", atRisk = "at_risk" }
    }

    public struct Question: Equatable, Sendable, Encodable {
        /// Which of the eight it is, for JSON readers: down_a_tier, improved, churn, multi_threading,
        /// expansion, csm_load, qbr_outcomes, product_feedback.
        public var key: String
        public var question: String
        public var answer: String
        /// One line per account or fact behind the answer.
        public var evidence: Lines
        /// The accounts behind the answer, by name.
        public var accounts: [String]

        init(_ key: String, _ question: String, answer: String, evidence: Lines, accounts: [String]) {
            self.key = key
            self.question = question
            self.answer = answer
            self.evidence = evidence
            self.accounts = accounts
        }
    }

    /// What the QBR changed: the score at the QBR's week and now (question 7).
    public struct QBROutcome: Equatable, Sendable {
        public var account: String
        public var held: Day
        public var scoreThen: Double?
        /// The week `scoreThen` is from.
        public var thenWeek: Day?
        public var scoreNow: Double?
        public var dauThen: Double?
        public var dauNow: Double?

        public init(account: String, held: Day, scoreThen: Double?, thenWeek: Day?, scoreNow: Double?, dauThen: Double?, dauNow: Double?) {
            self.account = account
            self.held = held
            self.scoreThen = scoreThen
            self.thenWeek = thenWeek
            self.scoreNow = scoreNow
            self.dauThen = dauThen
            self.dauNow = dauNow
        }

        /// How far back a QBR counts.
        public static let days = 180

        /// The account's last QBR, when it was held in the last `days` days.
        public static func recent(_ input: PlaybookInput) -> Event? {
            guard !input.health.isChurned, let qbr = input.last(.qbrHeld), qbr.date.days(until: input.today) <= days else { return nil }
            return qbr
        }

        public init(account: String, held: Day, health: AccountHealth) {
            self.account = account
            self.held = held
            // The week the QBR fell in, else the nearest week on record.
            let nearest = health.snapshots.indices.min { abs(held.days(until: health.snapshots[$0].week)) < abs(held.days(until: health.snapshots[$1].week)) }
            scoreThen = nearest.map { health.weeks[$0].shown }
            thenWeek = nearest.map { health.snapshots[$0].week }
            scoreNow = health.current?.shown
            dauThen = nearest.flatMap { health.snapshots[$0][.dau] }
            dauNow = health.snapshots.last?[.dau]
        }
    }

    public var today: Day
    public var accounts: Int
    public var arr: Double
    public var tiers: [TierRow]
    public var churned: Int
    public var noData: Int
    public var yearRetention: Retention?
    public var monthToDate: Retention?
    public var averageHealth: Double?
    public var averageHealthFourWeeksAgo: Double?
    public var qbrsLast90Days: Int
    public var onboarding: Int
    public var renewals: [Renewals]
    public var arrAtRisk: Double
    /// The accounts at risk, largest ARR first: name, score, churn risk and ARR.
    public var atRiskAccounts: Lines
    public var questions: [Question]

    /// The kinds of event that are product feedback (question 8).
    static let feedbackKinds: Set<String> = [EventKind.premiumFeatureRequested.rawValue, EventKind.integrationFailed.rawValue,
                                             EventKind.severeTicketOpened.rawValue, EventKind.supportEscalation.rawValue]

    @Sendable static func money(_ x: Double) -> String { Money(cents: Int64((x * 100).rounded())).description }

    /// The review of a book, one row an account (`Row`), in the order of `Account.byName`;
    /// and the ledger. `detail` reads one account whole by id: only the ten largest are, for
    /// their contacts.
    public init(book rows: [Row], ledger: Ledger, today: Day, detail: (Int64) throws -> PlaybookInput) throws {
        self.today = today
        // Positions in `rows`: a row is many values, and a book has 100,000.
        let live = rows.indices.filter { !rows[$0].isChurned }
        let scored = live.filter { rows[$0].current != nil }
        let arrs = rows.map { $0.arr?.dollars ?? 0 }, money = PortfolioReview.money
        let name = { (n: Int) in rows[n].name }
        accounts = live.count
        arr = BookFigures.sum(live.map { rows[$0].arr }).dollars
        churned = rows.count - live.count
        noData = live.count - scored.count
        var byTier = Tier.allCases.map { TierRow(tier: $0.label, emoji: $0.emoji, accounts: 0, arr: 0) }
        for n in scored {
            let t = Tier.allCases.firstIndex(of: rows[n].current!.tier)!
            byTier[t].accounts += 1
            byTier[t].arr += arrs[n]
        }
        tiers = byTier
        if !ledger.isEmpty {
            let ids = Set(rows.map(\.id))
            yearRetention = Retention(ledger: ledger, from: today.adding(months: -12), to: today) { ids.contains($0) }
            let first = Day(year: today.year, month: today.components.month, day: 1)!
            monthToDate = first < today ? Retention(ledger: ledger, from: first, to: today) { ids.contains($0) } : nil
        }
        averageHealth = scored.isEmpty ? nil : scored.map { rows[$0].current!.total }.reduce(0, +) / Double(scored.count)
        let before = scored.compactMap { rows[$0].earlier?.total }
        averageHealthFourWeeksAgo = before.isEmpty ? nil : before.reduce(0, +) / Double(before.count)
        qbrsLast90Days = live.map { rows[$0].qbrs }.reduce(0, +)
        onboarding = live.filter { rows[$0].startDate.map { $0.days(until: today) < OnboardingPlan.days } ?? false }.count
        renewals = [30, 60, 90].map { days in
            let due = live.filter { n in rows[n].renewalDate.map { $0 >= today && today.days(until: $0) <= days } ?? false }
            return Renewals(days: days, accounts: due.count, arr: due.map { arrs[$0] }.reduce(0, +), onTrack: due.filter { !rows[$0].isAtRisk }.count,
                            atRisk: due.filter { rows[$0].isAtRisk }.map(name))
        }
        // Largest ARR first, then by name.
        let atRisk = live.filter { rows[$0].isAtRisk }.sorted { a, b in arrs[a] != arrs[b] ? arrs[a] > arrs[b] : rows[a].name < rows[b].name }
        arrAtRisk = BookFigures.sum(atRisk.map { rows[$0].arr }).dollars
        atRiskAccounts = Lines(count: atRisk.count) { k in
            let i = rows[atRisk[k]]
            return "\(i.name) (\(i.current.map { Format.oneDecimal($0.shown) } ?? "no score"), churn risk \(i.level.label), \(money(arrs[atRisk[k]])))"
        }

        var questions: [Question] = []
        // 1. Down a tier or more (green to yellow, yellow to orange …), and why.
        let fell = scored.filter { rows[$0].fellATier }
        questions.append(Question("down_a_tier", "Which accounts went down a tier (green to yellow or worse), and why?",
            answer: fell.isEmpty ? "none in the last four weeks" : "\(fell.count) in the last four weeks",
            evidence: Lines(count: fell.count) { k in
                let i = rows[fell[k]]
                return "\(i.name): \(Format.oneDecimal(i.earlier!.shown)) → \(Format.oneDecimal(i.current!.shown)) — \(i.cause ?? "no single cause in the metrics")"
            }, accounts: fell.map(name)))
        // 2. Improved, and what was done.
        let rose = live.filter { rows[$0].roseATier }
        questions.append(Question("improved", "Which accounts improved, and what was done?",
            answer: rose.isEmpty ? "no account moved up a tier in the last four weeks" : "\(rose.count) moved up a tier in the last four weeks",
            evidence: Lines(count: rose.count) { k in
                let i = rows[rose[k]]
                return "\(i.name): \(Format.oneDecimal(i.earlier!.shown)) → \(Format.oneDecimal(i.current!.shown)) — "
                    + (i.done.isEmpty ? "nothing logged in the last 30 days" : i.done.joined(separator: ", "))
            }, accounts: rose.map(name)))
        // 3. Churn this month and the trend.
        let lost = rows.indices.filter { rows[$0].churnDate.map { $0 <= today } ?? false }
        let recent = lost.filter { rows[$0].churnDate!.days(until: today) <= 30 }
        let quarter = lost.filter { rows[$0].churnDate!.days(until: today) <= 90 }
        func reason(_ i: Row) -> String {
            let text = i.churnReason ?? "no reason recorded"
            return text + (i.churnReason.flatMap(ChurnReason.init(describing:)).map { " (\($0.label))" } ?? "")
        }
        let last = lost.max { rows[$0].churnDate! < rows[$1].churnDate! }.map { rows[$0] }
        questions.append(Question("churn", "What were the main reasons for churn this month, and is the trend continuing?",
            answer: recent.isEmpty ? "no churn in the last 30 days" + (last.map { "; the last was \($0.name) on \($0.churnDate!)" } ?? "")
                : "\(recent.count) account\(recent.count == 1 ? "" : "s") churned in the last 30 days",
            evidence: Lines(quarter.map { "\(rows[$0].name), \(rows[$0].churnDate!): \(reason(rows[$0]))" }
                + [quarter.isEmpty ? "no churn in the last 90 days either" : "\(quarter.count) in the last 90 days"]),
            accounts: quarter.map(name)))
        // 4. Multi-threading in the top 10.
        let top = try live.firsts(10) { arrs[$0] > arrs[$1] }.map { try detail(rows[$0].id) }
        let arrIn = { (i: PlaybookInput) in i.account.arr?.dollars ?? 0 }
        let thin = top.filter { i in i.contact(.champion) == nil || i.contact(.executiveSponsor) == nil || i.isSingleThreaded }
        questions.append(Question("multi_threading", "Are we multi-threaded in the top 10 accounts?",
            answer: thin.isEmpty ? "yes: each has a champion and an executive sponsor" : "\(top.count - thin.count) of \(top.count) are; \(thin.count) \(thin.count == 1 ? "is" : "are") not",
            evidence: Lines(thin.map { i in
                // No contacts at all is a data gap, said as one.
                let missing = !i.health.records.recordsContacts ? ["no contacts recorded"]
                    : [i.contact(.champion) == nil ? "no champion" : nil, i.contact(.executiveSponsor) == nil ? "no executive sponsor" : nil,
                       i.isSingleThreaded ? "one contact" : nil].compactMap { $0 }
                return "\(i.account.name) (\(money(arrIn(i)))): \(missing.joined(separator: ", "))"
            }), accounts: thin.map(\.account.name)))
        // 5. Expansion next quarter: the largest seat potential first; ties in the book's order.
        let expansions = live.filter { rows[$0].expansion != nil }.enumerated()
            .sorted { a, b in
                let (x, y) = (rows[a.element].expansion!.potential, rows[b.element].expansion!.potential)
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        let potential = expansions.reduce(Money(cents: 0)) { $0 + rows[$1].expansion!.potential }
        questions.append(Question("expansion", "What expansion is planned for next quarter?",
            answer: expansions.isEmpty ? "no account shows a signal with a play" : "\(expansions.count) account\(expansions.count == 1 ? "" : "s") with a play; seats alone +\(potential) ARR",
            evidence: Lines(expansions.prefix(10).map { n in
                let e = rows[n].expansion!
                return "\(rows[n].name): " + e.plays.joined(separator: ", ") + (e.potential.cents > 0 ? " (+\(e.potential) seats)" : "")
            }),
            accounts: expansions.map(name)))
        // 6. CSMs holding the most at-risk accounts: the most first, then the most ARR, then by name.
        var byCSM: [String: (count: Int, arr: Double)] = [:]
        let scoredAtRisk = scored.filter { rows[$0].isAtRisk }
        for n in scoredAtRisk {
            let key = rows[n].csm ?? "no CSM"
            byCSM[key, default: (0, 0)].count += 1
            byCSM[key, default: (0, 0)].arr += arrs[n]
        }
        let ranked = byCSM.sorted { a, b in (a.value.count, a.value.arr) != (b.value.count, b.value.arr) ? (a.value.count, a.value.arr) > (b.value.count, b.value.arr) : a.key < b.key }
        questions.append(Question("csm_load", "Which CSMs hold the most at-risk accounts?",
            answer: ranked.first.map { "\($0.key): \($0.value.count) at-risk account\($0.value.count == 1 ? "" : "s")" } ?? "no account is at risk",
            evidence: Lines(ranked.map { "\($0.key): \($0.value.count) (\(money($0.value.arr)) ARR)" }),
            accounts: scoredAtRisk.map(name)))
        // 7. QBRs and measurable change.
        let qbrOutcomes = live.compactMap { rows[$0].qbr }
        questions.append(Question("qbr_outcomes", "Did QBRs lead to measurable change?",
            answer: qbrOutcomes.isEmpty ? "no QBR logged in the last 180 days" : "\(qbrOutcomes.count) QBR\(qbrOutcomes.count == 1 ? "" : "s") in the last 180 days",
            evidence: Lines(qbrOutcomes.map { o in
                let score = o.scoreThen.flatMap { then in o.scoreNow.map { "score \(Format.oneDecimal(then)) (week ending \(o.thenWeek!)) → \(Format.oneDecimal($0))" } } ?? "no score on record"
                let dau = o.dauThen.flatMap { then in o.dauNow.map { "DAU \(Format.number(then)) → \(Format.number($0))" } }
                return "\(o.account) (QBR \(o.held)): " + ([score, dau].compactMap { $0 }.joined(separator: ", "))
            }), accounts: qbrOutcomes.map(\.account)))
        // 8. Product feedback to escalate: the latest first, then by name (the book's order
        // reversed), an account's items on one day as logged.
        var items: [(row: Int, item: Int)] = []
        for n in live.reversed() { for k in rows[n].feedback.indices { items.append((n, k)) } }
        let dates = items.map { rows[$0.row].feedback[$0.item].date.ordinal }
        let feedback = items.indices.sorted { a, b in
            dates[a] != dates[b] ? dates[a] > dates[b] : a < b
        }.map { items[$0] }
        questions.append(Question("product_feedback", "Which product feedback should go to the product team?",
            answer: feedback.isEmpty ? "nothing logged in the last 90 days" : "\(feedback.count) item\(feedback.count == 1 ? "" : "s") in the last 90 days",
            evidence: Lines(feedback.prefix(10).map { f in
                let i = rows[f.row], e = i.feedback[f.item]
                return "\(i.name) (\(money(arrs[f.row]))), \(e.date): \(e.kind)" + (e.details.map { " — \($0)" } ?? "")
            }),
            accounts: feedback.map { rows[$0.row].name }.firstOfEach))
        self.questions = questions
    }
}

extension Array {
    /// The first `k` elements of `sorted(by:)`, found without sorting the rest.
    func firsts(_ k: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        var firsts: [Element] = []
        for element in self {
            if firsts.count == k, let last = firsts.last, !areInIncreasingOrder(element, last) { continue }
            // After the ones it does not come before: ties keep their order, as a stable sort does.
            let at = firsts.firstIndex { areInIncreasingOrder(element, $0) } ?? firsts.count
            firsts.insert(element, at: at)
            if firsts.count > k { firsts.removeLast() }
        }
        return firsts
    }
}

extension Array where Element: Hashable {
    /// Each element once, where it first appears.
    var firstOfEach: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
