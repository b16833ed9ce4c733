/// Seed 004's customer health analyst model: product usage 35, engagement 25, growth
/// signals 20, support health 20, from the workspace's snapshots, events and contacts.
/// States: thriving 85+, healthy 70–84, neutral 50–69, at-risk 30–49, critical < 30.
extension HealthModel {
    public static let analyst = HealthModel(name: "analyst", rules: [
        Rule(.dauMauRatio, in: .productUsage, max: 15, .linear([(0, 0), (0.5, 15)])),
        Rule(.featureDepth, in: .productUsage, max: 10, .proportional),
        Rule(.activeUserPenetration, in: .productUsage, max: 10, .proportional),
        Rule(.nps, in: .engagement, max: 10, .steps([atLeast(50, 10), atLeast(30, 8), atLeast(10, 6), atLeast(-10, 4)], otherwise: 0)),
        Rule(.meetingAttendance, in: .engagement, max: 10, .proportional),
        Rule(.loginTrend, in: .engagement, max: 5, .linear([(-20, 0), (0, 2.5), (20, 5)])),
        Rule(.seatTrend, in: .growthSignals, max: 6, .linear([(-20, 0), (0, 4), (10, 6)])),
        Rule(.userGrowth, in: .growthSignals, max: 8, .linear([(-20, 0), (0, 4), (20, 8)])),
        Rule(.expansionSignals, in: .growthSignals, max: 6, .steps([atLeast(2, 6), atLeast(1, 3)], otherwise: 0)),
        Rule(.openSevereTickets, in: .supportHealth, max: 8, .steps([atMost(0, 8), atMost(3, 4)], otherwise: 0)),
        Rule(.escalations, in: .supportHealth, max: 6, .steps([atMost(0, 6), atMost(1, 3)], otherwise: 0)),
        Rule(.apiErrorRate, in: .supportHealth, max: 6, .steps([below(0.5, 6), atMost(1, 5), atMost(2, 4), atMost(5, 1)], otherwise: 0)),
    ], tiers: .analyst)
}
