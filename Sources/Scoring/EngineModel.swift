/// Seed 002's "Customer Success Engine" model: five dimensions each scored 0–10 and
/// weighted 30/20/15/20/15, read from what the workspace holds:
/// product usage — DAU/MAU (< 20 % → 0–3, 20–40 % → 4–6, > 40 % → 7–10);
/// engagement — the login (DAU) trend over four weeks (down 0–3, flat 4–6, up 7–10);
/// relationship — champion and sponsors (none 0–3, champion only 4–6, multi-threaded 7–10);
/// outcomes — goals achieved (none 0–3, some 4–6, all 7–10; missing without goals);
/// financial — payments and expansion (late 0–3, on time 4–6, expanding 7–10; missing
/// when no payment is on record). Tiers: thriving 80, healthy 60, at-risk 40, critical.
extension HealthModel {
    public static let engine = HealthModel(name: "engine", rules: [
        // Points on the 0–10 scale times the weight ÷ 10.
        Rule(.dauMauRatio, in: .productUsage, max: 30, .linear([(0, 0), (0.2, 9), (0.2, 12), (0.4, 18), (0.4, 21), (0.8, 30)])),
        Rule(.loginTrend, in: .engagement, max: 20, .linear([(-20, 0), (-5, 6), (-5, 8), (5, 12), (5, 14), (20, 20)])),
        Rule(.relationshipBreadth, in: .relationship, max: 15, .steps([atLeast(3, 15), atLeast(2, 12), atLeast(1, 7.5)], otherwise: 3)),
        Rule(.goalsAchieved, in: .outcomes, max: 20, .steps([atLeast(1, 20), above(0, 10)], otherwise: 4)),
        Rule(.paymentStatus, in: .financial, max: 15, .steps([atLeast(2, 15), atLeast(1, 7.5)], otherwise: 3)),
    ], tiers: .engine)
}
