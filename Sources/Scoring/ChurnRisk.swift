import Workspace

/// Churn risk (SPEC.md section 3): the health tier combined with the leading indicators
/// of `ChurnSignal.all`, each with its evidence and lead time, and the likely reason —
/// only where a driver that fired points to one.
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

    public typealias Weight = ChurnSignal.Weight

    public struct Driver: Equatable, Sendable {
        public var signal: ChurnSignal.ID
        public var label: String
        public var evidence: Evidence
        public var leadTime: String?
        public var weight: Weight
        public var reason: ChurnReason
        /// The signal's play as written, and whom it names when it fires: filled in when read
        /// (a book of 10,000 accounts must not format strings it never prints).
        var template: String
        var champion: String?
        var account: String

        /// What to do first, with the champion today (or "the main contact") and the account named.
        public var play: String {
            guard template.contains("the champion") || template.contains("ACCOUNT") else { return template }
            return template.replacingOccurrences(of: "the champion", with: champion ?? "the main contact").replacingOccurrences(of: "ACCOUNT", with: account)
        }

        /// "champion left: logged 2026-11-15: Nina Sharp resigned".
        public var shown: String { "\(label): \(evidence.shown)" }
    }

    /// With no driver behind a reason, the question that finds it, put to the champion (or
    /// the main contact when nobody holds the role).
    public var reasonQuestion: String {
        let champion = health.holder(.champion)?.name ?? "the main contact"
        return "ask \(champion): \"if the renewal were today, what would stop you signing?\""
    }

    /// What the workspace does not record, which would otherwise be read as a risk.
    public enum DataGap: String, Equatable, Sendable {
        case noContacts = "no_contacts"
        case noKickoffLogged = "no_kickoff_logged"

        public var shown: String {
            switch self {
            case .noContacts: return "no contacts recorded: champion, executive sponsor and technical lead are unknown"
            case .noKickoffLogged: return "no kickoff logged: whether it was held on time is unknown"
            }
        }

        /// What would fill the gap.
        public func fill(_ account: String) -> String {
            switch self {
            case .noContacts: return "'set \(account) champion NAME', or import accounts with champion and executive_sponsor columns"
            case .noKickoffLogged: return "'log \(account) kickoff held on DATE'"
            }
        }
    }

    public var health: AccountHealth
    public var level: Level
    public var drivers: [Driver]
    /// The category the drivers that fired point to most; nil when none fired.
    public var reason: ChurnReason?
    public var gaps: [DataGap]
    /// Driver weights added up, for ranking accounts at the same level.
    public var points: Int
    /// With a fitted model in force: the probability of churning within its horizon, which
    /// sets the level, and the features that add most to it.
    public var probability: Double?
    public var fittedDrivers: [(feature: FittedChurnModel.Feature, value: Double?, amount: Double)] = []

    /// The fitted model's part of the story in a line: "23% within 90 days (fitted-…) — most
    /// from active-user penetration 0.08 (+0.92)"; nil without a fitted model.
    public var fittedSummary: String? {
        guard let p = probability, let fitted = health.model.fitted else { return nil }
        let most = fittedDrivers.map { "\(ChurnFeatures.label($0.feature.name)) \(ChurnFeatures.shown($0.feature.name, $0.value)) (+\(Format.number($0.amount)) log-odds)" }
        return "\(Format.percent(p * 100)) within \(fitted.horizonDays) days by \(fitted.name)"
            + (most.isEmpty ? "; no feature adds much to it" : " — most from " + most.joined(separator: ", "))
    }

    /// A feature adds at least this much to the log-odds to be named as a driver.
    public static let fittedDriverLeast = 0.05

    /// The tier is the floor: healthy → low, warning → medium, high risk → high, critical → critical.
    public static func floor(_ tier: Tier?) -> Level {
        switch tier {
        case .critical?: return .critical
        case .highRisk?: return .high
        case .warning?: return .medium
        default: return .low
        }
    }

    public init(health: AccountHealth) {
        self.health = health
        var gaps: [DataGap] = []
        let drivers = ChurnRisk.drivers(health: health, gaps: &gaps)
        self.gaps = gaps
        self.drivers = drivers.enumerated().sorted { ($0.element.weight.rawValue, -$0.offset) > ($1.element.weight.rawValue, -$1.offset) }.map(\.element)
        points = drivers.reduce(0) { $0 + $1.weight.rawValue }
        let bump = points >= 5 || drivers.contains { $0.weight == .veryHigh } ? 2 : points >= 2 ? 1 : 0
        level = Level(rawValue: min(Level.critical.rawValue, ChurnRisk.floor(health.tier).rawValue + bump))!
        if let fitted = health.model.fitted, health.current != nil {
            let (p, parts) = fitted.assess(health)
            probability = p
            level = fitted.level(p)
            fittedDrivers = Array(parts.filter { $0.amount >= ChurnRisk.fittedDriverLeast }.sorted { $0.amount > $1.amount }.prefix(3))
        }
        var byReason: [ChurnReason: Int] = [:]
        for d in drivers { byReason[d.reason, default: 0] += d.weight.rawValue }
        // The heaviest category; on a tie, the one of the heaviest driver listed first.
        let top = byReason.values.max() ?? 0
        reason = self.drivers.first { byReason[$0.reason] == top }?.reason
    }

    /// The playbook the level calls for: the tier's, or the tier the drivers raised it to
    /// (a healthy account at high churn risk gets the high-risk intervention).
    public var playbook: Tier {
        switch level {
        case .low: return .healthy
        case .medium: return .warning
        case .high: return .highRisk
        case .critical: return .critical
        }
    }

    /// The drivers behind the likely reason.
    public var reasonDrivers: [Driver] { drivers.filter { $0.reason == reason } }

    /// The save plays: each driver's first move, then, for a high or critical risk, the reason's own plays.
    public var savePlays: [String] {
        var plays: [String] = []
        for d in drivers {
            let play = d.play.prefix(1).uppercased() + d.play.dropFirst()
            if !plays.contains(play) { plays.append(play) }
        }
        if let reason, level >= .high { plays += reason.savePlays.filter { !plays.contains($0) } }
        return plays
    }

    /// Every signal of the table evaluated for one account as of `health.asOf`.
    static func drivers(health: AccountHealth, gaps: inout [DataGap]) -> [Driver] {
        let context = SignalContext(health: health)
        if !health.records.recordsContacts { gaps.append(.noContacts) }
        var drivers: [Driver] = []
        for signal in ChurnSignal.all {
            if signal.onboarding && !context.onboarding { continue }
            guard let evidence = context.evaluate(signal.rule, gaps: &gaps) else { continue }
            let reason = signal.reason ?? context.fallingReason
            drivers.append(Driver(signal: signal.id, label: signal.label, evidence: evidence, leadTime: signal.leadTime,
                                  weight: signal.weight, reason: reason, template: signal.play,
                                  champion: signal.personal ? health.holder(.champion)?.name : nil,
                                  account: health.account.name))
        }
        return drivers
    }
}

/// One account's weeks and events as of a day, and the evaluator of `ChurnSignal.Rule`.
struct SignalContext {
    let health: AccountHealth
    let today: Day
    let events: [Event]
    /// Days since the start; nil when the start date is unknown or in the future.
    let day: Int?

    init(health: AccountHealth) {
        self.health = health
        today = health.asOf
        events = health.records.events.filter { $0.date <= health.asOf }
        day = health.account.startDate.map { $0.days(until: health.asOf) }.flatMap { $0 >= 0 ? $0 : nil }
    }

    var onboarding: Bool { day.map { $0 <= ChurnSignal.onboardingDays } ?? false }

    func last(_ kind: EventKind, within days: Int) -> Event? {
        events.last { $0.kind == kind.rawValue && $0.date.days(until: today) <= days }
    }

    /// The snapshot `weeks` weeks before the latest, or nil when the history is shorter.
    func weeksBack(_ weeks: Int) -> Snapshot? {
        let s = health.snapshots
        return s.count > weeks ? s[s.count - 1 - weeks] : nil
    }

    func evaluate(_ rule: ChurnSignal.Rule, gaps: inout [ChurnRisk.DataGap]) -> Evidence? {
        let latest = health.snapshots.last
        switch rule {
        case let .event(kind, days):
            return last(kind, within: days).map(Evidence.logged)
        case let .eventUnless(kind, days, unless):
            guard last(unless, within: days) == nil else { return nil }
            return last(kind, within: days).map(Evidence.logged)
        case let .fell(field, weeks, percent):
            guard let now = latest?[field], let before = weeksBack(weeks)?[field], before > 0, now < before,
                  (before - now) / before * 100 > percent else { return nil }
            return .change(what: field.words, from: before, to: now, weeks: weeks, inPoints: false)
        case let .below(field, limit):
            guard let value = latest?[field], value < limit else { return nil }
            return .level(what: field == .nps ? "NPS" : field.words, value: value, limit: limit, above: false)
        case let .either(first, second):
            return evaluate(first, gaps: &gaps) ?? evaluate(second, gaps: &gaps)
        case .ticketsSpikeThenQuiet(let tickets):
            let spike = events.filter { $0.kind == EventKind.severeTicketOpened.rawValue && (31...90).contains($0.date.days(until: today)) }
            let quiet = !events.contains { [EventKind.severeTicketOpened.rawValue, EventKind.supportEscalation.rawValue].contains($0.kind) && $0.date.days(until: today) <= 30 }
            return spike.count >= tickets && quiet ? .ticketSpike(tickets: spike.count) : nil
        case .renewalWithoutMeeting(let days):
            guard let renewal = health.account.renewalDate, (0...days).contains(today.days(until: renewal)) else { return nil }
            let meetings = MeetingRecord(health)
            return meetings.met ? nil : .renewalWithoutMeeting(renewal: renewal, daysLeft: today.days(until: renewal), meetings: meetings)
        case .trendDeclining:
            guard health.trend.direction == .declining else { return nil }
            return .scores([health.trend.scores.first!, health.trend.scores.last!], weeks: health.trend.scores.count - 1)
        case .noUsageAfter(let after):
            guard let start = health.account.startDate, let day, day > after,
                  let first = health.snapshots.first(where: { start.days(until: $0.week) >= after }), first[.dau] == 0 else { return nil }
            return .noUsage(week: first.week)
        case .kickoffAfter(let after):
            guard let start = health.account.startDate, let day, day > after else { return nil }
            guard let kickoff = events.first(where: { $0.kind == EventKind.kickoffHeld.rawValue }) else {
                gaps.append(.noKickoffLogged)
                return nil
            }
            let held = start.days(until: kickoff.date)
            return held > after ? .kickoff(held: kickoff.date, day: held) : nil
        case let .activeShareBelow(share, fromDay):
            guard let day, day >= fromDay, let dau = latest?[.dau], let licensed = latest?[.licensedUsers], licensed > 0, dau / licensed < share else { return nil }
            return .share(what: "licensed users active on day \(day)", part: dau, whole: licensed, limit: share)
        case .missingRole(let role):
            guard health.records.recordsContacts, let day,
                  !health.records.contacts(on: today).contains(where: { $0.role == role }) else { return nil }
            return .missingRole(role, day: day)
        }
    }

    /// For a falling score: the category of the dimension that lost the most points in
    /// four weeks (value when none did).
    var fallingReason: ChurnReason {
        guard let now = health.current, let before = health.score(weeksBack: 4) else { return .value }
        var worst: (Dimension, Double)?
        for d in now.dimensions {
            guard let p = d.points, let q = before.dimensions.first(where: { $0.dimension == d.dimension })?.points else { continue }
            if q - p > (worst?.1 ?? 0) { worst = (d.dimension, q - p) }
        }
        return ChurnReason(dimension: worst?.0)
    }
}

/// A driver in JSON: the signal, its words, the facts behind it and the play.
extension ChurnRisk.Driver: Encodable {
    enum Keys: String, CodingKey { case signal, label, evidence, shown, leadTime = "lead_time", weight, reason, play }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(signal.rawValue, forKey: .signal)
        try c.encode(label, forKey: .label)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(evidence.shown, forKey: .shown)
        try c.encodeIfPresent(leadTime, forKey: .leadTime)
        try c.encode(weight.label, forKey: .weight)
        try c.encode(reason.rawValue, forKey: .reason)
        try c.encode(play, forKey: .play)
    }
}
