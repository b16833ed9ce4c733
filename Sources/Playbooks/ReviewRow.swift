import Scoring
import Workspace

extension PortfolioReview {
    /// What the review reads of one account on a day, and nothing more: the account's name,
    /// ARR, CSM and dates, the scores four weeks apart, the churn-risk level, why it went down
    /// a tier, an expansion play, what its last QBR changed, what was logged while it went up
    /// a tier, and the QBRs and product feedback of the last 90 days.
    ///
    /// `init(_:input:qbr:)` is the one definition, from the account's summary and playbook
    /// input; a store keeps `kept` beside the summary (`StoredSummary.review`), written from
    /// the same reading, and `init(id:kept:)` reads it back the same — so the review of a
    /// 100,000-account book reads 100,000 short rows, not the summaries and the events.
    public struct Row: Equatable, Sendable {
        /// A week's score as the review shows it.
        public struct Score: Equatable, Sendable {
            public var total: Double
            public var shown: Double
            public var tier: Tier
        }

        /// An expansion the account is ready for: the plays, and what the seats alone add.
        public struct ExpansionPlays: Equatable, Sendable {
            public var plays: [String]
            public var potential: Money
        }

        /// A product-feedback event (`PortfolioReview.feedbackKinds`).
        public struct Feedback: Equatable, Sendable {
            public var date: Day
            public var kind: String
            public var details: String?
        }

        public var id: Int64
        public var name: String
        public var arr: Money?
        public var csm: String?
        public var startDate: Day?
        public var renewalDate: Day?
        public var churnDate: Day?
        public var churnReason: String?
        /// Churned by the day (`Account.isChurned(on:)`).
        public var isChurned: Bool
        public var current: Score?
        /// The week four weeks before the latest (`AccountSummary.earlier`).
        public var earlier: Score?
        public var level: ChurnRisk.Level
        /// Why the account went down a tier in four weeks: the main driver with its evidence,
        /// else the metric that moved most.
        public var cause: String?
        /// An expansion with a play and no hold on it.
        public var expansion: ExpansionPlays?
        /// The last QBR in 180 days and what it changed.
        public var qbr: QBROutcome?
        /// Up a tier in four weeks: what was logged in the last 30 days, "kind date", oldest first.
        public var done: [String]
        /// The product feedback of the last 90 days, oldest first (live accounts only).
        public var feedback: [Feedback]
        /// The QBRs held in the last 90 days.
        public var qbrs: Int

        /// Live and at churn risk high or critical (`BookFigures.isAtRisk`).
        public var isAtRisk: Bool { BookFigures.isAtRisk(level: level, churned: isChurned) }
        /// Down a tier or more in four weeks (green to yellow, yellow to orange …).
        public var fellATier: Bool { Row.moved(earlier?.tier, current?.tier, down: true) }
        /// Up a tier or more in four weeks.
        public var roseATier: Bool { Row.moved(earlier?.tier, current?.tier, down: false) }

        static func moved(_ earlier: Tier?, _ current: Tier?, down: Bool) -> Bool {
            guard let earlier, let current else { return false }
            return down ? current.rank > earlier.rank : current.rank < earlier.rank
        }

        /// The row of an account as its summary and playbook input have it, with its last QBR's
        /// outcome (which reads every week, not only the recent ones).
        public init(_ summary: AccountSummary, input: PlaybookInput, qbr: QBROutcome?) {
            let health = input.health, today = input.today, a = summary.account
            (id, name, arr, csm) = (a.id ?? 0, a.name, a.arr, a.csm)
            (startDate, renewalDate, churnDate, churnReason) = (a.startDate, a.renewalDate, a.churnDate, a.churnReason)
            isChurned = summary.isChurned
            let score = { (s: AccountSummary.Score) in Score(total: s.total, shown: s.shown, tier: s.tier) }
            current = summary.current.map(score)
            earlier = summary.earlier.map(score)
            level = summary.level
            self.qbr = qbr
            done = []
            feedback = []
            qbrs = 0
            if Row.moved(earlier?.tier, current?.tier, down: true) {
                cause = input.risk.drivers.first?.shown
                    ?? health.score(weeksBack: 4).flatMap { ScoreComparison(from: $0, to: health.current!).moves.first }
                        .map { "\($0.label) \($0.before.reading?.shown ?? "missing") → \($0.after.reading?.shown ?? "missing")" }
                    ?? "no single cause in the metrics"
            }
            if !isChurned, case .success(let e) = Expansion.make(input), e.hold == nil, !e.plays.isEmpty {
                expansion = ExpansionPlays(plays: e.plays.map(\.play), potential: e.potential)
            }
            // The events of the last 90 days, oldest first.
            let lately = health.records.events.filter { $0.date <= today && $0.date.days(until: today) <= 90 }
            if Row.moved(earlier?.tier, current?.tier, down: false) {
                done = lately.filter { $0.date.days(until: today) <= 30 }.map { "\($0.kind) \($0.date)" }
            }
            if !isChurned {
                feedback = lately.filter { PortfolioReview.feedbackKinds.contains($0.kind) }.map { Feedback(date: $0.date, kind: $0.kind, details: $0.details) }
            }
            qbrs = lately.filter { $0.kind == EventKind.qbrHeld.rawValue }.count
        }

        /// The row as a store keeps it (`KeptFields`; a feedback item's parts apart by U+001D).
        public var kept: String {
            let (day, number, list, e) = (KeptFields.day, KeptFields.number, KeptFields.list, KeptFields.escaped)
            func score(_ s: Score?) -> [String] {
                [number(s?.total), number(s?.shown), s.map { String(Tier.allCases.firstIndex(of: $0.tier)!) } ?? ""]
            }
            let fields: [String] = [e(name), arr.map { String($0.cents) } ?? "", list(csm.map { [e($0)] } ?? []), day(startDate), day(renewalDate),
                                    day(churnDate), list(churnReason.map { [e($0)] } ?? []), isChurned ? "1" : "0"]
                + score(current) + score(earlier) + [
                String(level.rawValue), list(cause.map { [e($0)] } ?? []), expansion.map { String($0.potential.cents) } ?? "",
                list(expansion?.plays.map(e) ?? []),
                day(qbr?.held), day(qbr?.thenWeek), number(qbr?.scoreThen), number(qbr?.scoreNow), number(qbr?.dauThen), number(qbr?.dauNow),
                list(done.map(e)),
                list(feedback.map { [day($0.date), e($0.kind), $0.details.map { "1\u{1D}" + e($0) } ?? "0"].joined(separator: "\u{1D}") }),
                String(qbrs),
            ]
            return fields.joined(separator: "\u{1F}")
        }

        /// The row `kept` wrote for account `id`; nil when the bytes are not one.
        public init?(id: Int64, kept bytes: UnsafeRawBufferPointer) {
            var r = KeptFieldReader(bytes.bindMemory(to: UInt8.self))
            var csm: String?, churnReason: String?, cause: String?
            let name = r.text(), arr = r.integer()
            guard r.optionalText(&csm) else { return nil }
            let start = r.integer(), renewal = r.integer(), churn = r.integer()
            guard r.optionalText(&churnReason), let churned = r.integer(), churned == 0 || churned == 1 else { return nil }
            func score() -> Score?? {
                let total = r.number(), shown = r.number(), tier = r.integer()
                guard let total, let shown, let tier else { return total == nil && shown == nil && tier == nil ? .some(nil) : nil }
                return Tier.allCases.indices.contains(tier) ? Score(total: total, shown: shown, tier: Tier.allCases[tier]) : nil
            }
            guard let current = score(), let earlier = score(), let level = r.integer().flatMap(ChurnRisk.Level.init(rawValue:)),
                  r.optionalText(&cause) else { return nil }
            let potential = r.integer()
            guard let plays = r.list({ $0.text() }) else { return nil }
            let held = r.integer(), thenWeek = r.integer(), scoreThen = r.number(), scoreNow = r.number(), dauThen = r.number(), dauNow = r.number()
            guard let done = r.list({ $0.text() }), let feedback = r.list({ r -> Feedback? in
                var details: String?
                guard let date = r.integer() else { return nil }
                let kind = r.text()
                return r.optionalText(&details) ? Feedback(date: Day(ordinal: date), kind: kind, details: details) : nil
            }), let qbrs = r.integer(), r.atEnd else { return nil }
            self.id = id
            self.name = name
            self.arr = arr.map { Money(cents: Int64($0)) }
            self.csm = csm
            (startDate, renewalDate, churnDate) = (start.map(Day.init(ordinal:)), renewal.map(Day.init(ordinal:)), churn.map(Day.init(ordinal:)))
            self.churnReason = churnReason
            isChurned = churned == 1
            self.current = current
            self.earlier = earlier
            self.level = level
            self.cause = cause
            expansion = potential.map { ExpansionPlays(plays: plays, potential: Money(cents: Int64($0))) }
            qbr = held.map {
                QBROutcome(account: name, held: Day(ordinal: $0), scoreThen: scoreThen, thenWeek: thenWeek.map(Day.init(ordinal:)),
                           scoreNow: scoreNow, dauThen: dauThen, dauNow: dauNow)
            }
            self.done = done
            self.feedback = feedback
            self.qbrs = qbrs
        }
    }
}
