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

    /// The kinds of event the review reads from every account: QBRs held and product feedback.
    public static let eventKinds: [String] = [EventKind.qbrHeld.rawValue] + feedbackKinds
    static let feedbackKinds = [EventKind.premiumFeatureRequested.rawValue, EventKind.integrationFailed.rawValue,
                                EventKind.severeTicketOpened.rawValue, EventKind.supportEscalation.rawValue]

    @Sendable static func arr(_ i: AccountSummary) -> Double { i.account.arr?.dollars ?? 0 }
    @Sendable static func money(_ x: Double) -> String { Money(cents: Int64((x * 100).rounded())).description }

    /// The accounts whose every event the review reads: those up a tier, for what was done.
    public static func eventAccounts(_ book: [AccountSummary]) -> Set<Int64> { Set(risers(book).map { $0.account.id! }) }

    /// The live accounts up a tier in four weeks (question 2).
    static func risers(_ book: [AccountSummary]) -> [AccountSummary] { book.filter { !$0.isChurned && $0.roseATier } }

    /// The review of a book as its account summaries have it, with the events of the last 90
    /// days (oldest first) — at least those of `eventKinds`, and every event of the
    /// `eventAccounts` — and the ledger. `detail` reads one account whole: only the ten
    /// largest are, for their contacts.
    public init(book: [AccountSummary], events: [Event], ledger: Ledger, today: Day, detail: (Account) throws -> PlaybookInput) throws {
        self.today = today
        let live = book.filter { !$0.isChurned }
        let scored = live.filter { $0.current != nil }
        let arrOf = PortfolioReview.arr, money = PortfolioReview.money
        // The events of the last 90 days.
        let lately = events.filter { $0.date <= today && $0.date.days(until: today) <= 90 }
        // The live accounts by id: the book's events are read once, not once an account.
        let liveByID = Dictionary(live.map { ($0.account.id!, $0) }, uniquingKeysWith: { a, _ in a })
        accounts = live.count
        arr = BookFigures.arr(book).dollars
        churned = book.count - live.count
        noData = live.count - scored.count
        tiers = Tier.allCases.map { level in
            let these = scored.filter { $0.tier == level }
            return TierRow(tier: level.label, emoji: level.emoji, accounts: these.count, arr: these.map(arrOf).reduce(0, +))
        }
        let ids = Set(book.compactMap(\.account.id))
        if !ledger.isEmpty {
            yearRetention = Retention(ledger: ledger, from: today.adding(months: -12), to: today) { ids.contains($0) }
            let first = Day(year: today.year, month: today.components.month, day: 1)!
            monthToDate = first < today ? Retention(ledger: ledger, from: first, to: today) { ids.contains($0) } : nil
        }
        let now = scored.map { $0.current!.total }
        averageHealth = now.isEmpty ? nil : now.reduce(0, +) / Double(now.count)
        let before = scored.compactMap { $0.earlier?.total }
        averageHealthFourWeeksAgo = before.isEmpty ? nil : before.reduce(0, +) / Double(before.count)
        qbrsLast90Days = lately.filter { $0.kind == EventKind.qbrHeld.rawValue && liveByID[$0.accountID] != nil }.count
        onboarding = live.filter { $0.account.startDate.map { $0.days(until: today) < OnboardingPlan.days } ?? false }.count
        renewals = [30, 60, 90].map { days in
            let due = live.filter { i in i.account.renewalDate.map { $0 >= today && today.days(until: $0) <= days } ?? false }
            return Renewals(days: days, accounts: due.count, arr: due.map(arrOf).reduce(0, +), onTrack: due.filter { !$0.isAtRisk }.count,
                            atRisk: due.filter(\.isAtRisk).map(\.account.name))
        }
        // Largest ARR first, then by name: sorted by keys made once, the names read only for ties.
        let risky = live.filter(\.isAtRisk), riskyARR = risky.map(arrOf)
        let atRisk = risky.indices.sorted { a, b in
            riskyARR[a] != riskyARR[b] ? riskyARR[a] > riskyARR[b] : risky[a].account.name < risky[b].account.name
        }.map { risky[$0] }
        arrAtRisk = BookFigures.arrAtRisk(book).dollars
        atRiskAccounts = Lines(count: atRisk.count) { n in
            let i = atRisk[n]
            return "\(i.account.name) (\(i.current.map { Format.oneDecimal($0.shown) } ?? "no score"), churn risk \(i.level.label), \(money(arrOf(i))))"
        }

        var questions: [Question] = []
        // 1. Down a tier or more (green to yellow, yellow to orange …), and why.
        let fell = scored.filter(\.fellATier)
        questions.append(Question("down_a_tier", "Which accounts went down a tier (green to yellow or worse), and why?",
            answer: fell.isEmpty ? "none in the last four weeks" : "\(fell.count) in the last four weeks",
            evidence: Lines(count: fell.count) { n in
                let i = fell[n]
                return "\(i.account.name): \(Format.oneDecimal(i.earlier!.shown)) → \(Format.oneDecimal(i.current!.shown)) — \(i.cause ?? "no single cause in the metrics")"
            }, accounts: fell.map(\.account.name)))
        // 2. Improved, and what was done.
        let rose = PortfolioReview.risers(book), riserIDs = Set(rose.map { $0.account.id! })
        let eventsOf = Dictionary(grouping: lately.filter { riserIDs.contains($0.accountID) }, by: \.accountID)
        questions.append(Question("improved", "Which accounts improved, and what was done?",
            answer: rose.isEmpty ? "no account moved up a tier in the last four weeks" : "\(rose.count) moved up a tier in the last four weeks",
            evidence: Lines(count: rose.count) { n in
                let i = rose[n]
                let done = (eventsOf[i.account.id!] ?? []).filter { $0.date.days(until: today) <= 30 }.map { "\($0.kind) \($0.date)" }
                return "\(i.account.name): \(Format.oneDecimal(i.earlier!.shown)) → \(Format.oneDecimal(i.current!.shown)) — "
                    + (done.isEmpty ? "nothing logged in the last 30 days" : done.joined(separator: ", "))
            }, accounts: rose.map(\.account.name)))
        // 3. Churn this month and the trend.
        let lost = book.filter { $0.account.churnDate.map { $0 <= today } ?? false }
        let recent = lost.filter { $0.account.churnDate!.days(until: today) <= 30 }
        let quarter = lost.filter { $0.account.churnDate!.days(until: today) <= 90 }
        func reason(_ i: AccountSummary) -> String {
            let text = i.account.churnReason ?? "no reason recorded"
            return text + (i.account.churnReason.flatMap(ChurnReason.init(describing:)).map { " (\($0.label))" } ?? "")
        }
        let last = lost.max { $0.account.churnDate! < $1.account.churnDate! }
        questions.append(Question("churn", "What were the main reasons for churn this month, and is the trend continuing?",
            answer: recent.isEmpty ? "no churn in the last 30 days" + (last.map { "; the last was \($0.account.name) on \($0.account.churnDate!)" } ?? "")
                : "\(recent.count) account\(recent.count == 1 ? "" : "s") churned in the last 30 days",
            evidence: Lines(quarter.map { "\($0.account.name), \($0.account.churnDate!): \(reason($0))" }
                + [quarter.isEmpty ? "no churn in the last 90 days either" : "\(quarter.count) in the last 90 days"]),
            accounts: quarter.map(\.account.name)))
        // 4. Multi-threading in the top 10.
        let top = try live.firsts(10) { arrOf($0) > arrOf($1) }.map { try detail($0.account) }
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
        // 5. Expansion next quarter.
        let expansions = live.compactMap { i in i.expansion.map { (i, $0) } }.sorted { $0.1.potential > $1.1.potential }
        questions.append(Question("expansion", "What expansion is planned for next quarter?",
            answer: expansions.isEmpty ? "no account shows a signal with a play" : "\(expansions.count) account\(expansions.count == 1 ? "" : "s") with a play; seats alone +\(expansions.reduce(Money(cents: 0)) { $0 + $1.1.potential }) ARR",
            evidence: Lines(expansions.prefix(10).map { "\($0.0.account.name): " + $0.1.plays.joined(separator: ", ") + ($0.1.potential.cents > 0 ? " (+\($0.1.potential) seats)" : "") }),
            accounts: expansions.map(\.0.account.name)))
        // 6. CSMs holding the most at-risk accounts.
        var byCSM: [String: (count: Int, arr: Double)] = [:]
        func add(_ i: AccountSummary, to load: inout (count: Int, arr: Double)) { load.count += 1; load.arr += arrOf(i) }
        for i in scored where i.isAtRisk { add(i, to: &byCSM[i.account.csm ?? "no CSM", default: (0, 0)]) }
        let ranked = byCSM.sorted { ($0.value.count, $0.value.arr) > ($1.value.count, $1.value.arr) }
        questions.append(Question("csm_load", "Which CSMs hold the most at-risk accounts?",
            answer: ranked.first.map { "\($0.key): \($0.value.count) at-risk account\($0.value.count == 1 ? "" : "s")" } ?? "no account is at risk",
            evidence: Lines(ranked.map { "\($0.key): \($0.value.count) (\(money($0.value.arr)) ARR)" }),
            accounts: scored.filter(\.isAtRisk).map(\.account.name)))
        // 7. QBRs and measurable change.
        let qbrOutcomes = live.compactMap(\.qbr)
        questions.append(Question("qbr_outcomes", "Did QBRs lead to measurable change?",
            answer: qbrOutcomes.isEmpty ? "no QBR logged in the last 180 days" : "\(qbrOutcomes.count) QBR\(qbrOutcomes.count == 1 ? "" : "s") in the last 180 days",
            evidence: Lines(qbrOutcomes.map { o in
                let score = o.scoreThen.flatMap { then in o.scoreNow.map { "score \(Format.oneDecimal(then)) (week ending \(o.thenWeek!)) → \(Format.oneDecimal($0))" } } ?? "no score on record"
                let dau = o.dauThen.flatMap { then in o.dauNow.map { "DAU \(Format.number(then)) → \(Format.number($0))" } }
                return "\(o.account) (QBR \(o.held)): " + ([score, dau].compactMap { $0 }.joined(separator: ", "))
            }), accounts: qbrOutcomes.map(\.account)))
        // 8. Product feedback to escalate.
        let feedbackKinds = PortfolioReview.feedbackKinds
        // Sorted as indices with their keys: the items are many, and each a large value.
        let items = lately.compactMap { e in feedbackKinds.contains(e.kind) ? liveByID[e.accountID].map { ($0, e) } : nil }
        let keys = items.map { ($0.1.date, $0.0.account.name) }
        let feedback = items.indices.sorted { keys[$0] > keys[$1] }.map { items[$0] }
        questions.append(Question("product_feedback", "Which product feedback should go to the product team?",
            answer: feedback.isEmpty ? "nothing logged in the last 90 days" : "\(feedback.count) item\(feedback.count == 1 ? "" : "s") in the last 90 days",
            evidence: Lines(feedback.prefix(10).map { "\($0.0.account.name) (\(money(arrOf($0.0)))), \($0.1.date): \($0.1.kind)" + ($0.1.details.map { " — \($0)" } ?? "") }),
            accounts: feedback.map(\.0.account.name).firstOfEach))
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
