import Scoring
import Workspace

/// Getting to a renewal: days left, the 90 / 60 / 30-day timeline with dates and what to
/// send at each, the renewal risk from health and churn drivers, and the stakeholder map
/// with its gaps.
public struct RenewalPrep: Sendable {
    public struct Step: Equatable, Sendable, Encodable {
        public enum Status: String, Codable, Sendable { case passed, now, upcoming }
        public var daysBefore: Int
        public var date: Day
        public var task: String
        public var send: String
        public var status: Status
        /// What the workspace shows done for the step (the QBR held).
        public var done: String?

        enum CodingKeys: String, CodingKey { case daysBefore = "days_before", date, task, send, status, done }
    }

    public struct Stakeholder: Equatable, Sendable, Encodable {
        public var role: String
        public var name: String?
        public var gap: String?
    }

    public var renewal: Day
    public var daysLeft: Int
    public var timeline: [Step]
    public var risk: ChurnRisk.Level
    public var riskReasons: [String]
    public var stakeholders: [Stakeholder]
    public var gaps: [String]

    /// Renewals further out than this get the timeline but no urgency.
    public static let horizon = 90

    public static func make(_ input: PlaybookInput) -> Result<RenewalPrep, NotApplicable> {
        let account = input.account
        if let churn = account.churnDate, churn <= input.today {
            return .failure(NotApplicable("\(account.name) churned on \(churn), so there is no renewal — see 'win-back plan \(account.name)'"))
        }
        guard let renewal = account.renewalDate else {
            return .failure(NotApplicable("\(account.name) has no renewal date — set it with 'set \(account.name) renewal date YYYY-MM-DD'"))
        }
        guard renewal >= input.today else {
            return .failure(NotApplicable("\(account.name)'s renewal date \(renewal) has passed and no churn is recorded — set the new term's date with 'set \(account.name) renewal date YYYY-MM-DD'"))
        }
        return .success(RenewalPrep(input, renewal: renewal))
    }

    init(_ input: PlaybookInput, renewal: Day) {
        let today = input.today
        self.renewal = renewal
        daysLeft = today.days(until: renewal)
        let plan = input.account.plan ?? "the plan"
        let expansion = (try? Expansion.make(input).get()).flatMap { $0.hold == nil && !$0.plays.isEmpty ? $0.plays.map(\.play).joined(separator: ", ") : nil }
        let raw: [(Int, String, String)] = [
            (90, "Value review: QBR with the ROI recap and the success plan scorecard; confirm who signs and their process",
             "the QBR pre-read and a value summary (goals reached, usage, ROI)"),
            (60, "Renewal proposal: term, seats and \(plan)" + (expansion.map { "; include the expansion (\($0))" } ?? "") + "; surface objections now",
             "the renewal proposal"),
            (30, "Contract and approvals: procurement, legal and signatures under way; resolve open issues",
             "the contract for signature"),
            (0, "Renewal date: signed, or escalate the same day", "a thank-you and the next quarter's plan"),
        ]
        var steps = raw.map { Step(daysBefore: $0.0, date: renewal.adding(days: -$0.0), task: $0.1, send: $0.2, status: .upcoming) }
        for i in steps.indices where steps[i].date < today { steps[i].status = .passed }
        if let qbr = input.last(.qbrHeld), qbr.date >= renewal.adding(days: -120) { steps[0].done = "QBR held \(qbr.date)" }
        if let current = steps.lastIndex(where: { $0.status == .passed }) {
            steps[current].status = .now
        } else if let first = steps.indices.first {
            if today.days(until: steps[first].date) <= 14 { steps[first].status = .now }
        }
        timeline = steps

        let score = input.health.current
        var reasons: [String] = []
        if let score { reasons.append("health \(Format.oneDecimal(score.shown)) \(score.band.label) (\(score.tier.priority)), trend \(input.health.trend.label)") }
        reasons += input.risk.drivers.map(\.shown)
        risk = input.risk.level
        riskReasons = reasons

        var gaps: [String] = []
        stakeholders = Contact.Role.allCases.map { role in
            let c = input.contact(role)
            var gap: String?
            if c == nil {
                switch role {
                case .champion: gap = "no champion: nobody argues for the renewal inside"
                case .executiveSponsor: gap = "no executive sponsor: nobody with budget authority is engaged"
                case .technicalLead: gap = "no technical lead: integration questions at renewal will stall"
                }
                gaps.append(gap!)
            }
            return Stakeholder(role: role.label, name: c?.name, gap: gap)
        }
        if input.isSingleThreaded { gaps.append("single-threaded: one contact holds the whole relationship") }
        self.gaps = gaps
    }
}
