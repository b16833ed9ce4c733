/// Seed 000's model as SPEC.md section 1 reads it: five dimensions whose maxima are
/// their weights (30/25/20/15/10), each metric a band table.
extension HealthModel {
    public static let claw = HealthModel(name: "claw", rules: [
        Rule(.activeUserPenetration, in: .productUsage, max: 10, .proportional),
        Rule(.featureDepth, in: .productUsage, max: 10, .proportional),
        Rule(.usageFrequency, in: .productUsage, max: 10, .steps([atLeast(10, 10), atLeast(7, 8), atLeast(5, 6), atLeast(3, 4), atLeast(1, 2)], otherwise: 0)),
        Rule(.usageHours, in: .businessValue, max: 10, .steps([atLeast(40, 10), atLeast(30, 8), atLeast(20, 6), atLeast(10, 4)], otherwise: 2)),
        Rule(.userGrowth, in: .businessValue, max: 10, .steps([atLeast(20, 10), atLeast(10, 8), atLeast(5, 6), atLeast(0, 4)], otherwise: 0)),
        Rule(.subscriptionLevel, in: .businessValue, max: 5, .planOrARR([above(10_000, 5), atLeast(5_000, 4), atLeast(1_000, 3)], otherwise: 2)),
        Rule(.meetingAttendance, in: .engagement, max: 8, .proportional),
        Rule(.feedbackActivity, in: .engagement, max: 6, .steps([atLeast(3, 6), atLeast(2, 5), atLeast(1, 4)], otherwise: 2)),
        Rule(.community, in: .engagement, max: 6, .sum([atLeast(5, 3), atLeast(1, 2), atLeast(1, 1)])),
        Rule(.apiErrorRate, in: .technicalHealth, max: 5, .steps([below(0.5, 5), atMost(1, 4), atMost(2, 3), atMost(5, 1)], otherwise: 0)),
        Rule(.integrationStability, in: .technicalHealth, max: 5, .steps([atLeast(99.9, 5), atLeast(99, 4), atLeast(95, 3)], otherwise: 0)),
        Rule(.performanceSatisfaction, in: .technicalHealth, max: 5, .steps([atLeast(9, 5), atLeast(8, 4), atLeast(7, 3), atLeast(6, 2)], otherwise: 0)),
        Rule(.nps, in: .relationship, max: 5, .steps([atLeast(50, 5), atLeast(30, 4), atLeast(10, 3), atLeast(-10, 2)], otherwise: 0)),
        Rule(.csmSatisfaction, in: .relationship, max: 3, .steps([atLeast(9, 3), atLeast(8, 2)], otherwise: 0)),
        Rule(.executiveRelationship, in: .relationship, max: 2, .steps([atLeast(2, 2), atLeast(1, 1)], otherwise: 0)),
    ], tiers: .claw)
}
