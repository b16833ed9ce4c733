import Scoring
import Workspace

/// The QBR: the 60-minute agenda and the prep checklist, each item answered from
/// the workspace where it can be and left open where it cannot, 1–2 expansion
/// recommendations, and who should attend from both sides.
public struct QBRPrep: Sendable {
    public struct Section: Equatable, Sendable, Encodable {
        public var title: String
        public var minutes: Int
        public var points: [String]
    }

    public struct Item: Equatable, Sendable, Encodable {
        public var item: String
        /// What the workspace says; nil when the CSM must find it.
        public var answer: String?
        public var open: String?
    }

    public var date: Day
    public var dateBasis: String
    public var preReadBy: Day
    public var agenda: [Section]
    /// Done only where the workspace shows it done; what is still to do (even with a
    /// proposal or a date) stays open.
    public var checklist: [Item]
    public var recommendations: [Expansion.Play]
    public var theirSide: [String]
    public var ourSide: [String]

    /// The first QBR falls at the end of onboarding.
    public static let firstAfterDays = 90

    public static func make(_ input: PlaybookInput) -> Result<QBRPrep, NotApplicable> {
        let account = input.account
        if let churn = account.churnDate, churn <= input.today {
            return .failure(NotApplicable("\(account.name) churned on \(churn) — see 'win-back plan \(account.name)'"))
        }
        if let start = account.startDate, start.days(until: input.today) < firstAfterDays {
            return .failure(NotApplicable("\(account.name) is on day \(start.days(until: input.today)) of onboarding; the first business review is the 90-day review on \(start.adding(days: firstAfterDays)) — see 'onboarding plan \(account.name)'"))
        }
        guard input.health.current != nil else { return .failure(NotApplicable("\(account.name) has no weekly metrics to review yet")) }
        return .success(QBRPrep(input))
    }

    init(_ input: PlaybookInput) {
        let today = input.today
        let n = Format.number
        let plan = SuccessPlan(input)
        date = plan.nextReview
        dateBasis = plan.nextReviewBasis
        preReadBy = max(today, date.adding(days: -5))
        let health = input.health
        let score = health.current!

        // 90 days of usage: the first and the latest week in the window.
        let window = input.snapshots.filter { $0.week.days(until: today) <= 90 }
        let usage: String? = {
            guard let first = window.first, let last = window.last else { return nil }
            func move(_ f: SnapshotField, _ label: String) -> String? {
                guard let a = first[f], let b = last[f] else { return nil }
                return "\(label) \(n(a)) → \(n(b))"
            }
            var parts = [move(.dau, "DAU"), move(.licensedUsers, "licensed seats"), move(.coreFeaturesUsed, "core features (of 6)"),
                         move(.weeklyHours, "hours a week")].compactMap { $0 }
            if let dau = last[.dau], let lic = last[.licensedUsers], lic > 0 { parts.append("\(Format.percent(dau / lic * 100)) of seats active") }
            return parts.joined(separator: ", ") + " (weeks ending \(first.week) to \(last.week))"
        }()
        let weeks = health.weeks.filter { $0.week.days(until: today) <= 90 }
        let trend = weeks.first.map { "\(Format.oneDecimal($0.shown)) → \(Format.oneDecimal(score.shown)) over \(weeks.count) weeks, \(health.trend.label)" }
        let opened = input.events.filter { $0.kind == EventKind.severeTicketOpened.rawValue }.count
        let closed = input.events.filter { $0.kind == EventKind.severeTicketClosed.rawValue }.count
        let openTickets = max(0, opened - closed)
        let goals = input.goals
        let achieved = goals.filter(\.isAchieved)
        let scored = goals.isEmpty ? nil : "\(achieved.count) of \(goals.count) achieved: " + plan.objectives.map { o in
            "\(o.goal.objective) \(o.status.rawValue)" + (o.goal.result.map { " (\(o.goal.baseline ?? "?") → \($0), target \(o.goal.target ?? "?"))" } ?? "")
        }.joined(separator: "; ")
        let results = achieved.compactMap { g in g.result.map { "\(g.objective): \(g.baseline ?? "?") → \($0)" } }
        let nextQuarter = plan.objectives.filter { $0.status != .achieved }.map { $0.goal.objective + ($0.goal.due.map { " (by \($0))" } ?? "") }
        let expansion = (try? Expansion.make(input).get())
        recommendations = expansion.flatMap { $0.hold == nil ? Array($0.plays.prefix(2)) : nil } ?? []
        let competitors = input.events.filter { $0.kind == EventKind.competitorMentioned.rawValue && $0.date.days(until: today) <= 180 }

        let contacts = Contact.Role.allCases.compactMap { role in input.contact(role).map { "\($0.name) (\(role.label))" } }
        theirSide = contacts.isEmpty ? ["nobody on record — ask for the decision makers"] : contacts
        var ours = ["\(input.account.csm ?? "the CSM") (CSM, runs the review)"]
        switch (input.cadence.row, score.tier) {
        case (_, .critical): ours.append("the VP of Customer Success (the account is critical)")
        case (_, .highRisk): ours.append("the CSM director (the account is at risk)")
        case (.enterprise, _): ours.append("an executive sponsor from our side (enterprise: executive touch each quarter)")
        default: break
        }
        if !recommendations.isEmpty { ours.append("the account executive (for the expansion)") }
        if openTickets > 0 { ours.append("a support lead (open severe tickets)") }
        ourSide = ours

        checklist = [
            Item(item: "Pull 90-day usage data and build the dashboard", answer: usage, open: usage == nil ? "no weekly metrics in the last 90 days" : nil),
            Item(item: "Calculate ROI / value delivered (specific numbers)", answer: results.isEmpty ? nil : results.joined(separator: "; "),
                 open: "the dollar value of these results is not in the workspace — price the hours or tickets saved"),
            Item(item: "Review the health score trend", answer: trend, open: nil),
            Item(item: "Check open support tickets — resolve them before the QBR",
                 answer: openTickets == 0 ? "no severe ticket open (\(opened) opened, \(closed) closed on record)" : nil,
                 open: openTickets == 0 ? nil : "\(openTickets) severe ticket\(openTickets == 1 ? "" : "s") open — resolve before \(date)"),
            Item(item: "Review the success plan — score each goal", answer: scored, open: scored == nil ? "no goals recorded: agree them in this QBR" : nil),
            Item(item: "Draft next quarter's objectives", answer: nextQuarter.isEmpty ? nil : "carry over: " + nextQuarter.joined(separator: "; "),
                 open: nextQuarter.isEmpty ? "draft new objectives aligned to their business" : nil),
            Item(item: "Prepare 1–2 expansion recommendations with ROI", answer: recommendations.isEmpty ? nil : recommendations.map { "\($0.play): \($0.roi)" }.joined(separator: "; "),
                 open: recommendations.isEmpty ? (expansion?.hold != nil ? "hold: the account is at risk" : "no expansion signal in the workspace") : nil),
            Item(item: "Decide who attends (their side and ours)", answer: nil,
                 open: "proposed — theirs: \(theirSide.joined(separator: ", ")); ours: \(ours.joined(separator: ", "))"),
            Item(item: "Send the pre-read agenda 5 days before", answer: nil, open: "send by \(preReadBy) for a QBR on \(date)"),
            Item(item: "Prepare competitive intel", answer: competitors.isEmpty ? "no competitor mentioned in 180 days"
                    : competitors.map { "competitor mentioned \($0.date)" + ($0.details.map { ": \($0)" } ?? "") }.joined(separator: "; "), open: nil),
        ]

        agenda = [
            Section(title: "Business context", minutes: 10, points: ["They share business updates, priorities, challenges — listen; no slides first"]),
            Section(title: "Value delivered", minutes: 15, points: [usage.map { "Usage: \($0)" } ?? "Usage dashboard",
                                                                    results.isEmpty ? "ROI recap: goals set → outcomes → dollar impact" : "Results: " + results.joined(separator: "; "),
                                                                    "Success stories: specific wins this quarter", "How they compare with peers in their industry"]),
            Section(title: "Roadmap and innovation", minutes: 10, points: ["Roadmap aligned to their priorities", "Early access and beta opportunities", "Industry trends and best practices"]),
            Section(title: "Success plan review", minutes: 15, points: [goals.isEmpty ? "No goals on record: set them now" : "Score last quarter's goals (\(achieved.count) of \(goals.count) achieved)",
                                                                        "Set next quarter's objectives, blockers, owners and dates"]),
            Section(title: "Strategic discussion", minutes: 10, points: ["What keeps you up at night? Where is the business heading in 12 months?",
                                                                         recommendations.isEmpty ? "Expansion only if it fits their strategy" : "Expansion: " + recommendations.map(\.play).joined(separator: ", "),
                                                                         plan.stakeholders.contains { $0.contact == nil } ? "Ask to meet the missing stakeholders: " + plan.stakeholders.filter { $0.contact == nil }.map(\.role.label).joined(separator: ", ") : "Introduce new stakeholders where the relationship is thin"]),
        ]
    }
}
