import Scoring
import Workspace

/// The intervention for an at-risk account, with its escalation: what to do
/// within 48 hours, the root cause (product, people or process) read from the churn
/// drivers, a 30-day recovery plan with weekly checkpoints and dates, an owner for each step.
public struct SavePlan: Sendable {
    public enum RootCause: String, Codable, Sendable {
        case product, people, process

        public var meaning: String {
            switch self {
            case .product: return "the product fails them (defects, gaps, performance)"
            case .people: return "the relationship is broken or thin (champion, sponsor, trust)"
            case .process: return "they are not getting value (adoption, onboarding, contract fit)"
            }
        }

        init(_ reason: ChurnReason) {
            switch reason {
            case .product, .competition: self = .product
            case .relationship, .strategic: self = .people
            case .value, .financial: self = .process
            }
        }
    }

    public struct Step: Equatable, Sendable, Encodable {
        public var action: String
        public var owner: String
        public var by: Day
    }

    public struct Checkpoint: Equatable, Sendable, Encodable {
        public var week: String
        public var date: Day
        public var goal: String
        public var owner: String
    }

    public var tier: Tier
    public var level: ChurnRisk.Level
    public var rootCause: RootCause
    /// The drivers and weak metrics behind the root cause.
    public var evidence: [String]
    public var within48Hours: [Step]
    public var recovery: [Checkpoint]
    public var escalation: (who: String, frequency: String, planBy: Day)
    /// The score to reach by day 30: the next tier's cut-off in the model in force.
    public var target: Double?

    public static func make(_ input: PlaybookInput) -> Result<SavePlan, NotApplicable> {
        let account = input.account
        if let churn = account.churnDate, churn <= input.today {
            return .failure(NotApplicable("\(account.name) already churned on \(churn) — see 'win-back plan \(account.name)'"))
        }
        guard let score = input.health.current else {
            return .failure(NotApplicable("\(account.name) has no weekly metrics on or before \(input.today), so no health to save"))
        }
        let tier = score.tier
        guard input.isAtRisk else {
            let drivers = input.risk.drivers.isEmpty ? "no churn driver firing" : "drivers: " + input.risk.drivers.map(\.label).joined(separator: ", ")
            return .failure(NotApplicable("\(account.name) needs none: health \(Format.oneDecimal(score.shown)) \(score.band.label) (\(tier.priority)), churn risk \(input.risk.level.label), \(drivers). Keep the \(tier.label) cadence: \(tier.cadence)"))
        }
        return .success(SavePlan(input, score: score))
    }

    /// The plan whether or not the account needs one (`make` says when it does not).
    public init(_ input: PlaybookInput, score: HealthScore) {
        let today = input.today
        tier = score.tier
        level = input.risk.level
        let csm = input.account.csm ?? "CSM"
        let drivers = input.risk.drivers

        var weights: [RootCause: Int] = [:]
        for d in drivers { weights[RootCause(d.reason), default: 0] += d.weight.rawValue }
        let weakest = Advice(score: score, trend: input.health.trend).risks
        let cause: RootCause
        if let top = [RootCause.product, .people, .process].max(by: { (weights[$0] ?? 0) < (weights[$1] ?? 0) }), (weights[top] ?? 0) > 0 {
            cause = top
        } else {
            // No driver fired: where the score is weakest, which the evidence below shows.
            cause = RootCause(ChurnReason.weakest(in: score))
        }
        rootCause = cause
        evidence = drivers.filter { RootCause($0.reason) == cause }.map { "\($0.label): \($0.evidence.shown)" }
            + weakest.map { "\($0.label): \($0.reading?.shown ?? "missing") — \(Format.oneDecimal($0.points ?? 0)) of \(Format.number($0.max)) points" }

        let intervention = tier.intervention
        // Every date of the plan falls on or before a renewal still ahead: after it is too late.
        let renewal = input.account.renewalDate.flatMap { $0 >= today ? $0 : nil }
        let by = { (days: Int) in renewal.map { min($0, today.adding(days: days)) } ?? today.adding(days: days) }
        let planBy = by(min(intervention.planWithinDays, 2))
        escalation = (intervention.who, intervention.frequency, planBy)
        let champion = input.contact(.champion)?.name
        let sponsor = input.contact(.executiveSponsor)?.name
        let director = tier == .critical ? "VP of Customer Success" : "CSM director"
        var steps = [
            Step(action: "Call \(champion ?? sponsor ?? "the main contact") and hear the problem in their words; confirm the root cause", owner: csm, by: by(1)),
            Step(action: "Agree the intervention plan with \(intervention.who.lowercased().hasPrefix("csm") ? "the " + director : intervention.who) (within \(planBy == today.adding(days: 1) ? "24" : "48") hours)", owner: csm, by: planBy),
            Step(action: sponsor.map { "Executive contact: the \(director) meets \($0)" } ?? "Find an executive sponsor: ask \(champion ?? "the main contact") to introduce their manager",
                 owner: sponsor == nil ? csm : director, by: planBy),
        ]
        for d in drivers.prefix(2) {
            steps.append(Step(action: "\(d.label): \(d.play)",
                              owner: d.reason == .product ? "technical team with \(csm)" : csm, by: planBy))
        }
        steps.append(Step(action: "Offer dedicated support or an on-site visit", owner: csm, by: planBy))
        within48Hours = steps

        let cutoffs = input.health.model.tiers(for: input.account.segment).bands.map(\.lowerBound)
        target = cutoffs.filter { $0 > score.total }.min()
        let lift = weakest.first.map { "\($0.label) (now \($0.reading?.shown ?? "missing"))" } ?? "the weakest metric"
        let fix: (String, String)
        switch cause {
        case .product: fix = ("the technical team delivers a fix or a workaround for \(drivers.first { RootCause($0.reason) == .product }?.label ?? "the defect")", "technical team")
        case .people: fix = ("a named champion and an executive sponsor meeting held", director)
        case .process: fix = ("re-onboarding under way: new success-plan goals, training booked, a 30-day value sprint", csm)
        }
        recovery = [
            Checkpoint(week: "week 1", date: by(7), goal: "root cause agreed with the customer; recovery goals set, starting with \(lift)", owner: csm),
            Checkpoint(week: "week 2", date: by(14), goal: fix.0, owner: fix.1),
            Checkpoint(week: "week 3", date: by(21), goal: "usage moving: \(lift) checked weekly; a quick win shared with \(sponsor ?? "the sponsor")", owner: csm),
            Checkpoint(week: "day 30", date: by(30),
                       goal: "review: health \(target.map { "at \(Format.number($0)) or above" } ?? "holding") and churn risk down a level — else escalate to \(tier == .critical ? "the CEO" : "the VP of Customer Success")",
                       owner: director),
        ]
    }
}
