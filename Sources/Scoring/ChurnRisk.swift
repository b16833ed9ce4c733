import Workspace

/// Churn risk (SPEC.md section 3): the health tier combined with seed 002 / 004's leading
/// indicators, each with its evidence and lead time, and the likely reason.
public struct ChurnRisk: Sendable {
    public enum Level: Int, Comparable, CaseIterable, Encodable, Sendable {
        case low, medium, high, critical
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        public var label: String { String(describing: self) }
        /// In JSON by name ("high"), as `by_level` and the README name them.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(label)
        }
    }

    public enum Weight: Int, Sendable {
        case medium = 1, high = 2, veryHigh = 3
        public var label: String { self == .veryHigh ? "very high" : self == .high ? "high" : "medium" }
    }

    public struct Driver: Equatable, Sendable {
        public var signal: String
        public var evidence: String
        public var leadTime: String?
        public var weight: Weight
        public var reason: ChurnReason
    }

    public var health: AccountHealth
    public var level: Level
    public var drivers: [Driver]
    public var reason: ChurnReason
    /// Driver weights added up, for ranking accounts at the same level.
    public var points: Int

    /// The level the tier alone gives; drivers raise it (2+ points one level; 5+, or any
    /// very-high driver, two).
    static func floor(_ tier: Tier?) -> Level {
        switch tier {
        case .critical?: return .high
        case .highRisk?: return .medium
        default: return .low
        }
    }

    public init(health: AccountHealth) {
        self.health = health
        let drivers = ChurnRisk.drivers(health: health)
        self.drivers = drivers.sorted { $0.weight.rawValue > $1.weight.rawValue }
        points = drivers.reduce(0) { $0 + $1.weight.rawValue }
        let bump = points >= 5 || drivers.contains { $0.weight == .veryHigh } ? 2 : points >= 2 ? 1 : 0
        level = Level(rawValue: min(Level.critical.rawValue, ChurnRisk.floor(health.tier).rawValue + bump))!
        var byReason: [ChurnReason: Int] = [:]
        for d in drivers { byReason[d.reason, default: 0] += d.weight.rawValue }
        if let top = ChurnReason.allCases.max(by: { (byReason[$0] ?? 0, -$0.order) < (byReason[$1] ?? 0, -$1.order) }), (byReason[top] ?? 0) > 0 {
            reason = top
        } else {
            reason = ChurnRisk.weakestReason(health.current)
        }
    }

    /// With no signal, the likely reason is where the score is weakest.
    static func weakestReason(_ score: HealthScore?) -> ChurnReason {
        guard let score else { return .value }
        let weakest = score.dimensions.filter { $0.points != nil }.min { $0.points! / $0.max < $1.points! / $1.max }
        switch weakest?.dimension {
        case .technicalHealth?, .supportHealth?: return .product
        case .engagement?, .relationship?: return .relationship
        case .financial?: return .financial
        default: return .value
        }
    }

    static func drivers(health: AccountHealth) -> [Driver] {
        let today = health.asOf
        let contacts = health.records.contacts
        let recent = health.records.events.filter { $0.date <= today }
        let n = Format.number
        var drivers: [Driver] = []
        func add(_ signal: String, _ evidence: String, _ lead: String?, _ weight: Weight, _ reason: ChurnReason) {
            drivers.append(Driver(signal: signal, evidence: evidence, leadTime: lead, weight: weight, reason: reason))
        }
        func last(_ kind: EventKind, within days: Int) -> Event? {
            recent.last { $0.kind == kind.rawValue && $0.date.days(until: today) <= days }
        }
        func describe(_ e: Event) -> String { "logged \(e.date)" + (e.details.map { ": \($0)" } ?? "") }

        let weeks = health.snapshots
        let latest = weeks.last
        let monthAgo = weeks.count >= 5 ? weeks[weeks.count - 5] : nil
        if let now = latest?[.weeklyHours], let before = monthAgo?[.weeklyHours], before > 0, (before - now) / before > 0.3 {
            add("usage down more than 30% in a month", "weekly hours \(n(before)) → \(n(now)) (-\(Format.percent((before - now) * 100 / before)))", "90 days", .high, .value)
        }
        if let e = last(.championLeft, within: 90) {
            add("champion left", describe(e), "60–90 days", .high, .relationship)
        }
        let spikeWindow = recent.filter { $0.kind == EventKind.severeTicketOpened.rawValue && (31...90).contains($0.date.days(until: today)) }
        let quiet = recent.filter { [EventKind.severeTicketOpened.rawValue, EventKind.supportEscalation.rawValue].contains($0.kind) && $0.date.days(until: today) <= 30 }
        if spikeWindow.count >= 3 && quiet.isEmpty {
            add("support tickets spiked, then went quiet", "\(spikeWindow.count) severe tickets 31–90 days ago, none in the last 30", "60 days", .medium, .product)
        }
        if let e = last(.billingPageVisited, within: 60), last(.contractDowngraded, within: 60) == nil {
            add("billing page visited without upgrading", describe(e), "45 days", .medium, .financial)
        }
        if let e = last(.competitorMentioned, within: 90) {
            add("competitor evaluation or mention", describe(e), "30–60 days", .high, .competition)
        }
        if let e = last(.dataExportRequested, within: 60) {
            add("data export requested", describe(e), "30 days", .high, .competition)
        }
        if let e = last(.procurementDelay, within: 90) {
            add("renewal signals missing or procurement delays", describe(e), "30–45 days", .high, .relationship)
        } else if let renewal = health.account.renewalDate, (0...45).contains(today.days(until: renewal)),
                  last(.meetingAttended, within: 30) == nil {
            add("renewal signals missing", "renews \(renewal) (in \(today.days(until: renewal)) days) and no meeting attended in 30 days", "30–45 days", .high, .relationship)
        }
        if let e = last(.seatsRemoved, within: 90) {
            add("seats or licences removed", describe(e), "30 days", .medium, .value)
        } else if let now = latest?[.licensedUsers], let before = monthAgo?[.licensedUsers], now < before {
            add("seats or licences removed", "licensed users \(n(before)) → \(n(now)) in four weeks", "30 days", .medium, .value)
        }
        if let nps = latest?[.nps], nps < 0 {
            add("negative NPS", "NPS \(n(nps)): detractors outnumber promoters", nil, .high, .relationship)
        }
        if let e = last(.supportEscalation, within: 90) {
            add("support escalation", describe(e), nil, .high, .product)
        }
        if let e = last(.renewalMeetingMissed, within: 90) {
            add("missed renewal meeting", describe(e), nil, .high, .relationship)
        }
        if let e = last(.contractDowngraded, within: 180) {
            add("contract downgrade", describe(e), nil, .veryHigh, .financial)
        }
        if let e = last(.budgetReviewMentioned, within: 90) {
            add("budget review mentioned", describe(e), nil, .medium, .financial)
        }
        if let e = last(.paymentRefused, within: 90) {
            add("payment refused", describe(e), nil, .high, .financial)
        } else if let e = last(.paymentLate, within: 90) {
            add("payment late", describe(e), nil, .medium, .financial)
        }
        if health.trend.direction == .declining, let net = health.trend.net {
            add("health declining", "score \(Format.oneDecimal(health.trend.scores.first!)) → \(Format.oneDecimal(health.trend.scores.last!)) (\(Format.signedPercent(net)) in four weeks)",
                nil, .medium, weakestReason(health.current))
        }

        // Seed 002's onboarding risk signals, in the first 90 days.
        if let start = health.account.startDate, (0...90).contains(start.days(until: today)) {
            let day = start.days(until: today)
            if day > 3, let firstAfter = weeks.first(where: { start.days(until: $0.week) >= 3 }), firstAfter[.dau] == 0 {
                add("no login after day 3", "DAU 0 in the week ending \(firstAfter.week)", nil, .high, .value)
            }
            if let e = last(.integrationFailed, within: 90) { add("integration failed", describe(e), nil, .high, .product) }
            let kickoff = recent.first { $0.kind == EventKind.kickoffHeld.rawValue }
            if day > 7, kickoff.map({ start.days(until: $0.date) > 7 }) ?? true {
                add("kickoff late by more than a week", kickoff.map { "kickoff held \($0.date), day \(start.days(until: $0.date))" } ?? "no kickoff logged by day \(day)", nil, .medium, .relationship)
            }
            if day >= 30, let dau = latest?[.dau], let licensed = latest?[.licensedUsers], licensed > 0, dau / licensed < 0.5 {
                add("under 50% of users active by day 30", "\(n(dau)) of \(n(licensed)) licensed users active on day \(day)", nil, .medium, .value)
            }
            if !contacts.contains(where: { $0.role == .executiveSponsor }) {
                add("no executive sponsor", "no executive sponsor on record on day \(day)", nil, .medium, .relationship)
            }
        }
        return drivers
    }
}

extension ChurnReason {
    var order: Int { ChurnReason.allCases.firstIndex(of: self)! }
}
