import Workspace
import Scoring

/// Seed 002's first 90 days for one account: its segment's "aha moment" and time to first
/// value, the week 1 / 2–3 / 4–6 / 7–12 milestones dated from the start date, seed 001's
/// day-1…day-7 checklist, and the onboarding risk signals with those firing now.
public struct OnboardingPlan: Sendable {
    public struct Phase: Sendable {
        public var name: String
        public var from: Day
        public var to: Day
        public var items: [ChecklistItem]
    }

    public struct Signal: Sendable {
        public var signal: String
        public var severity: String
        public var response: String
        public var firing: Bool
        public var evidence: String
    }

    public static let days = 90

    public var day: Int
    public var start: Day
    public var stage: LifecycleStage
    public var aha: String
    public var ttfv: String
    public var ttfvDue: Day
    /// When the aha moment was reached, with the evidence; nil while it has not been.
    public var ahaReached: (day: Day, evidence: String)?
    public var phases: [Phase]
    public var firstWeek: [Phase]
    public var signals: [Signal]

    /// The plan, or why the account is not onboarding.
    public static func make(_ input: PlaybookInput) -> Result<OnboardingPlan, NotApplicable> {
        let account = input.account, today = input.today
        if let churn = account.churnDate, churn <= today {
            return .failure(NotApplicable("\(account.name) churned on \(churn) — see 'win-back plan \(account.name)'"))
        }
        guard let start = account.startDate else {
            return .failure(NotApplicable("\(account.name) has no start date — set one with 'set \(account.name) start date YYYY-MM-DD'"))
        }
        guard start <= today else { return .failure(NotApplicable("\(account.name) starts on \(start), after today")) }
        let day = start.days(until: today)
        guard day < days else {
            let stage = LifecycleStage.of(account, on: today)!.stage
            return .failure(NotApplicable("\(account.name) is past onboarding: day \(day) since \(start) (stage \(stage.rawValue)), and the first 90 days ended on \(start.adding(days: days)) — see 'success plan \(account.name)'"))
        }
        return .success(OnboardingPlan(input, start: start, day: day))
    }

    init(_ input: PlaybookInput, start: Day, day: Int) {
        let today = input.today
        self.day = day
        self.start = start
        stage = LifecycleStage.of(input.account, on: today)!.stage
        let targetDays: Int
        switch input.cadence.row {
        case .enterprise: (aha, ttfv, targetDays) = ("first workflow automated and adopted by the team", "30 days", 30)
        case .midMarket: (aha, ttfv, targetDays) = ("core use case live with 3 users on it", "14 days", 14)
        case .smb: (aha, ttfv, targetDays) = ("first value-creating action completed", "24 hours", 1)
        case .selfServe: (aha, ttfv, targetDays) = ("core action completed", "10 minutes", 0)
        }
        ttfvDue = start.adding(days: targetDays)
        let snapshots = input.snapshots.filter { $0.week >= start }
        let live = input.useCases.filter { $0.status == .live || $0.status == .optimizing }.min { ($0.goLive ?? today) < ($1.goLive ?? today) }
        switch input.cadence.row {
        case .enterprise, .midMarket:
            let users = input.cadence.row == .midMarket ? 3.0 : 5.0
            if let live, let week = snapshots.first(where: { ($0[.dau] ?? 0) >= users && $0.week >= (live.goLive ?? start) }) {
                ahaReached = (max(week.week, live.goLive ?? start), "\(live.name) live, \(Format.number(week[.dau]!)) daily users in the week ending \(week.week)")
            }
        case .smb, .selfServe:
            if let week = snapshots.first(where: { ($0[.conversationsPerDay] ?? 0) > 0 || ($0[.dau] ?? 0) > 0 }) {
                ahaReached = (week.week, "first active week ending \(week.week)")
            }
        }

        func evidence(_ text: String, _ derived: String?) -> String? {
            if let derived { return derived }
            return input.recorded(text).map { "marked done" + ($0.done.map { " \($0)" } ?? "") }
        }
        func firstWeek(where test: (Snapshot) -> Bool, _ describe: (Snapshot) -> String) -> String? {
            snapshots.first(where: test).map(describe)
        }
        let kickoff = input.last(.kickoffHeld)
        let sponsor = input.contact(.executiveSponsor)
        let champion = input.contact(.champion)
        func phase(_ name: String, _ fromDay: Int, _ toDay: Int, _ items: [(String, Seen)]) -> Phase {
            let from = start.adding(days: fromDay - 1), to = start.adding(days: toDay - 1)
            return Phase(name: name, from: from, to: to, items: items.map {
                item in
                var derived: String?
                var knowable = false
                if case .derived(let seen) = item.1 { (derived, knowable) = (seen, true) }
                return ChecklistItem.dated(item.0, due: to, today: today, startsOn: from, evidence: evidence(item.0, derived), knowable: knowable)
            })
        }
        let dau = { (s: Snapshot) in s[.dau] ?? 0 }
        phases = [
            phase("Week 1: technical setup", 1, 7, [
                ("Account provisioned and configured", .derived(snapshots.first.map { "first metrics in the week ending \($0.week)" })),
                ("Integration(s) connected", .derived(firstWeek(where: { $0[.integrationUptimePct] != nil }) { "integration uptime \(Format.number($0[.integrationUptimePct]!))% in the week ending \($0.week)" })),
                ("Admin trained on core settings", .manual),
                ("Success plan created (goals, timeline, stakeholders)", .derived(input.goals.isEmpty ? nil : "\(Format.count(Double(input.goals.count), "goal")) recorded")),
                ("Kickoff call held with the champion and executive sponsor",
                 .derived(kickoff.map { "kickoff held \($0.date)" + (champion == nil || sponsor == nil ? " (no \(champion == nil ? "champion" : "executive sponsor") on record)" : "") })),
            ]),
            phase("Weeks 2–3: core adoption", 8, 21, [
                ("Primary use case configured", .derived(input.useCases.first.flatMap { $0.status == .notStarted ? nil : "\($0.name): \($0.status.rawValue)" })),
                ("First 5 users activated", .derived(firstWeek(where: { dau($0) >= 5 }) { "\(Format.number(dau($0))) daily users in the week ending \($0.week)" })),
                ("Core workflow running", .derived(live.map { "\($0.name) live" + ($0.goLive.map { " since \($0)" } ?? "") })),
                ("Quick win documented and shared with the sponsor", .manual),
            ]),
            phase("Weeks 4–6: expansion adoption", 22, 42, [
                ("Second use case identified and configured", .derived(input.useCases.count >= 2 ? "\(input.useCases[1].name): \(input.useCases[1].status.rawValue)" : nil)),
                ("80% of licensed users active", .derived(firstWeek(where: { ($0[.licensedUsers] ?? 0) > 0 && dau($0) / $0[.licensedUsers]! >= 0.8 }) {
                    "\(Format.number(dau($0))) of \(Format.number($0[.licensedUsers]!)) licensed in the week ending \($0.week)" })),
                ("Self-service resources shared (docs, videos, community)", .manual),
                ("30-day check-in: progress against the success plan", .derived(input.events.first {
                    $0.kind == EventKind.meetingAttended.rawValue && start.days(until: $0.date) >= 25 }.map { "meeting attended \($0.date)" })),
            ]),
            phase("Weeks 7–12: optimization", 43, 84, [
                ("Advanced features introduced", .derived(firstWeek(where: { ($0[.coreFeaturesUsed] ?? 0) >= 5 }) { "\(Format.number($0[.coreFeaturesUsed]!)) of 6 core features in the week ending \($0.week)" })),
                ("Workflow optimization session", .manual),
                ("ROI calculation (first draft)", .manual),
                ("90-day review: success plan scorecard, next quarter's goals", .manual),
            ]),
        ]
        self.firstWeek = [
            phase("Day 1: welcome and kickoff", 1, 1, [
                ("Welcome e-mail with the CSM introduction", .manual),
                ("Onboarding meeting booked (30 minutes)", .derived(kickoff.map { "kickoff held \($0.date)" })),
                ("Customer success plan created", .derived(input.goals.isEmpty ? nil : "\(Format.count(Double(input.goals.count), "goal")) recorded")),
                ("Quick-start guide sent", .manual),
            ]),
            phase("Days 2–3: product activation", 2, 3, [
                ("Account set-up walked through", .manual),
                ("Knowledge base and AI assistant configured", .manual),
                ("Team members invited", .derived(firstWeek(where: { ($0[.licensedUsers] ?? 0) > 1 }) { "\(Format.number($0[.licensedUsers]!)) licensed users in the week ending \($0.week)" })),
                ("First conversation tested", .derived(firstWeek(where: { ($0[.conversationsPerDay] ?? 0) > 0 }) { "conversations from the week ending \($0.week)" })),
            ]),
            phase("Days 4–5: feature exploration", 4, 5, [
                ("Core feature demo (1 hour)", .manual),
                ("First workflow created", .manual),
                ("API integration (if needed)", .manual),
                ("Early questions answered", .manual),
            ]),
            phase("Days 6–7: value confirmation", 6, 7, [
                ("First-week check done", .manual),
                ("Initial feedback collected", .manual),
                ("Usage goals confirmed", .derived(input.goals.isEmpty ? nil : "goals on record")),
                ("30-day plan made", .manual),
            ]),
        ]

        let latest = input.snapshots.last
        let leftChampion = input.events.last { $0.kind == EventKind.championLeft.rawValue && $0.date >= start }
        let failed = input.events.last { $0.kind == EventKind.integrationFailed.rawValue && $0.date >= start }
        let active = input.snapshots.first { $0.week >= start && dau($0) > 0 }
        let activation = latest.flatMap { s in s[.licensedUsers].flatMap { $0 > 0 ? dau(s) / $0 : nil } }
        let kickoffLate = kickoff.map { start.days(until: $0.date) > 7 } ?? (day > 7)
        signals = [
            Signal(signal: "champion left", severity: "🔴 urgent", response: "find a new champion within 48 hours and re-establish executive contact",
                   firing: leftChampion != nil, evidence: leftChampion.map { "logged \($0.date)" + ($0.details.map { ": \($0)" } ?? "") } ?? "none logged"),
            Signal(signal: "no login after day 3", severity: "🟠 high", response: "call in person (not e-mail)",
                   firing: day > 3 && active == nil, evidence: active.map { "active from the week ending \($0.week)" } ?? (day > 3 ? "no active user recorded since \(start)" : "day \(day): too early to tell")),
            Signal(signal: "integration failed", severity: "🟠 high", response: "escalate to engineering and offer a workaround",
                   firing: failed != nil, evidence: failed.map { "logged \($0.date)" + ($0.details.map { ": \($0)" } ?? "") } ?? "none logged"),
            Signal(signal: "kickoff late by more than a week", severity: "🟡 medium", response: "escalate internally and offer flexible meeting times",
                   firing: kickoffLate, evidence: kickoff.map { "kickoff held \($0.date), \(Format.count(Double(start.days(until: $0.date)), "day")) after the start" } ?? (day > 7 ? "no kickoff logged by day \(day)" : "due by \(start.adding(days: 7))")),
            Signal(signal: "under 50% of users active by day 30", severity: "🟡 medium", response: "run a user-activation campaign (training, incentives)",
                   firing: day >= 30 && (activation ?? 0) < 0.5,
                   evidence: activation.map { "\(Format.percent($0 * 100)) active now" + (day < 30 ? " (checked from day 30, \(start.adding(days: 30)))" : "") } ?? "no usage data"),
            Signal(signal: "no executive sponsor", severity: "🟡 medium", response: "ask the champion to introduce their manager",
                   firing: sponsor == nil, evidence: sponsor.map { "sponsor: \($0.name)" } ?? "none on record"),
        ]
    }
}

/// How a checklist item is known: from the workspace (with the evidence, nil while not
/// seen), or only by the CSM marking it (`milestone done`).
enum Seen {
    case derived(String?)
    case manual
}

/// Why a plan does not apply to an account, said as a CSM would want to hear it.
public struct NotApplicable: Error, Equatable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
