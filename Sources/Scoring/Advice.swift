/// Strengths, risks and next actions for a score card, from the
/// metric tables below rather than free text, so every line points at a number.
public struct Advice: Equatable, Sendable {
    public var strengths: [MetricScore]
    public var risks: [MetricScore]
    public var nextActions: [String]

    /// At least this share of a metric's points is a strength; below `riskRatio` a risk.
    static let strengthRatio = 0.8
    static let riskRatio = 0.6

    /// `champion`: who holds the role today; the actions name them, or "the main contact"
    /// when nobody does.
    public init(score: HealthScore, trend: Trend, champion: String? = nil) {
        let scored = score.metrics.filter { $0.points != nil }
        strengths = Array(scored.filter { $0.ratio! >= Advice.strengthRatio }
            .sorted { ($0.ratio!, $0.max) > ($1.ratio!, $1.max) }.prefix(3))
        risks = Array(scored.filter { $0.ratio! < Advice.riskRatio }
            .sorted { ($0.ratio!, -$0.max) < ($1.ratio!, -$1.max) }.prefix(3))
        let tier = score.tier
        var actions = [tier.cadence.prefix(1).uppercased() + tier.cadence.dropFirst()]
        if trend.direction == .declining {
            actions.append("Find what changed: the score fell \(Format.percent(abs(trend.net ?? 0))) over four weeks")
        }
        actions += risks.map(Advice.remedy(for:))
        if !score.missing.isEmpty {
            actions.append("Collect the missing data (\(score.missing.map(\.label).joined(separator: ", "))) to firm up the score")
        }
        for action in Advice.tierActions[tier]! where actions.count < 5 && !actions.contains(action) {
            actions.append(action)
        }
        nextActions = actions.prefix(6).map { $0.replacingOccurrences(of: "the champion", with: champion ?? "the main contact") }
    }

    /// Seed 000 "行动策略" per tier.
    static let tierActions: [Tier: [String]] = [
        .healthy: ["Send the monthly value report (usage, ROI, new features)",
                   "Hold the quarterly check-in: align goals, look for expansion",
                   "Invite to the referral programme, beta tests or the advisory board"],
        .warning: ["Run an in-depth usage analysis and find under-used features",
                   "Send personalised optimisation advice (knowledge base, AI roles, workflows)",
                   "Offer extra training: tailored sessions, best practices, 1:1 coaching"],
        .highRisk: ["Start an emergency intervention plan with a named owner and clear goals",
                    "Bring in the CSM director for executive relationship and resources",
                    "Design a tailored solution for the core problem; consider a retention offer"],
        .critical: ["Put the account at top priority with a cross-team retention squad",
                    "Get a CEO/VP-level meeting with the customer's executives",
                    "Do a full root-cause analysis; prepare the strongest retention offer"],
    ]

    /// The remedy for a weak metric; payments paid on time but not expanding call for growth, not collection.
    static func remedy(for metric: MetricScore) -> String {
        if metric.metric == .paymentStatus, let value = metric.reading?.value, value > 0 {
            return "Payments are on time; look for an expansion that moves the account up (seats, plan, new team)"
        }
        if metric.metric == .custom {
            return "Find out why \(metric.label) is low (now \(metric.reading?.shown ?? "missing")) and what would raise it"
        }
        return remedy[metric.metric]!
    }

    /// What to do about a weak metric (seed 000 interventions by problem type, seed 002 plays).
    static let remedy: [Metric: String] = [
        .activeUserPenetration: "Run a user-activation campaign (training, incentives) for licensed users who are not active",
        .featureDepth: "Start an adoption campaign for the unused core features (the activation e-mail sequence)",
        .usageFrequency: "Share best practices that build a daily habit; review the primary use case",
        .usageHours: "Send a value report with ROI analysis: low usage means low perceived value",
        .userGrowth: "Ask the champion which other teams face the same problem (new-department play)",
        .subscriptionLevel: "Review plan fit with the account owner before renewal",
        .meetingAttendance: "Re-confirm the meeting cadence with the champion and involve the executive sponsor",
        .feedbackActivity: "Ask for feedback after the next session (in-app survey or a short call)",
        .community: "Invite the team to community events and user groups",
        .apiErrorRate: "Escalate the API errors to the technical team for a quick fix",
        .integrationStability: "Review integration uptime with the technical team; offer a workaround",
        .performanceSatisfaction: "Review performance complaints with the technical team",
        .nps: "Reach out personally within 24 h about the low NPS: root cause and a recovery plan",
        .csmSatisfaction: "Ask how CSM service can improve; consider a CSM change",
        .executiveRelationship: "Set up a regular executive touchpoint through the champion",
        .dauMauRatio: "Win back the monthly users who are not daily users: a habit-building campaign on the core workflow",
        .loginTrend: "Find out why logins are falling: call the champion and check the usage dashboard together",
        .relationshipBreadth: "Multi-thread the account: ask the champion to introduce an executive sponsor and a technical lead",
        .goalsAchieved: "Review the success plan goals with the customer and agree what it takes to reach them",
        .paymentStatus: "Settle the late payments with finance before they turn into a renewal problem",
        .seatTrend: "Ask why seats were removed and whether the team shrank or moved elsewhere",
        .expansionSignals: "Look for expansion: new teams, usage at the limit, premium feature requests",
        .openSevereTickets: "Get the open severe tickets resolved and tell the customer when",
        .escalations: "Review the escalations with support leadership and agree a follow-up with the customer",
    ]
}
