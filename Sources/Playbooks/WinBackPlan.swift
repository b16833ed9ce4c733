import Scoring
import Workspace

/// Seed 002's win-back campaign for a churned account: how long ago it left, the window
/// it is in with that window's outreach and expected success rate, and the day-7 / 30 / 90
/// e-mail sequence dated from the churn date and tailored to the churn reason.
public struct WinBackPlan: Sendable {
    public struct Window: Equatable, Sendable, Encodable {
        public var from: Int
        /// Last day of the window; nil for the open-ended last one.
        public var to: Int?
        public var outreach: String
        public var successRate: String

        enum CodingKeys: String, CodingKey { case from, to, outreach, successRate = "success_rate" }
    }

    public struct Step: Equatable, Sendable, Encodable {
        public enum Status: String, Codable, Sendable { case past, next, later }
        public var day: Int
        public var date: Day
        public var subject: String
        public var angle: String
        public var status: Status
    }

    /// Seed 002 "持续流失客户的挽回时机".
    public static let windows = [
        Window(from: 0, to: 30, outreach: "a 'we miss you' e-mail that speaks to why they left", successRate: "15–25%"),
        Window(from: 31, to: 90, outreach: "product updates and the improvements made since", successRate: "10–15%"),
        Window(from: 91, to: 180, outreach: "major product news and a special offer", successRate: "5–10%"),
        Window(from: 181, to: 365, outreach: "a yearly review with a case study", successRate: "2–5%"),
        Window(from: 366, to: nil, outreach: "take them off the active win-back list", successRate: "under 2%"),
    ]

    public var churnDate: Day
    public var daysSince: Int
    public var reasonText: String?
    public var reason: ChurnReason?
    public var window: Window
    public var sequence: [Step]
    /// What to say changed, for the reason category (the day-7 e-mail's line).
    public var offer: String
    /// The window after this one and when it starts.
    public var nextWindow: (window: Window, starts: Day)?

    public static func make(_ input: PlaybookInput) -> Result<WinBackPlan, NotApplicable> {
        let account = input.account
        guard let churn = account.churnDate, churn <= input.today else {
            let health = input.health.current.map { "health \(Format.oneDecimal($0.shown)) \($0.band.label), " } ?? ""
            return .failure(NotApplicable("\(account.name) is a customer (\(health)churn risk \(input.risk.level.label)) — for an account at risk see 'save plan \(account.name)'"))
        }
        return .success(WinBackPlan(input, churn: churn))
    }

    init(_ input: PlaybookInput, churn: Day) {
        let today = input.today
        churnDate = churn
        let days = churn.days(until: today)
        daysSince = days
        reasonText = input.account.churnReason
        reason = input.account.churnReason.flatMap(ChurnReason.init(describing:))
        let index = WinBackPlan.windows.firstIndex { days >= $0.from && days <= ($0.to ?? Int.max) }!
        window = WinBackPlan.windows[index]
        nextWindow = index + 1 < WinBackPlan.windows.count
            ? (WinBackPlan.windows[index + 1], churn.adding(days: WinBackPlan.windows[index + 1].from)) : nil

        let issue = reasonText ?? "[why they left]"
        let fix: String
        switch reason {
        case .product?: fix = "Here's what changed: [the feature or fix that answers '\(issue)']"
        case .value?: fix = "We've redesigned onboarding to get to value in [X days]"
        case .financial?: fix = "We have new plans that might work better for your budget"
        case .competition?: fix = "Here's how we compare today, and what switching back would take"
        case .relationship?: fix = "You'd have a new, senior point of contact and a fresh start"
        case .strategic?: fix = "If your priorities change again, we'd be glad to help"
        case nil: fix = "[what changed since — the churn reason is not recorded]"
        }
        offer = fix
        let product = "[Product]"
        // Seed 002's "We fixed [their specific issue]", said to fit the reason.
        let subject: String
        switch reason {
        case .financial?: subject = "A plan that fits your budget"
        case .value?: subject = "Getting to value in [X days]"
        case .competition?: subject = "How we compare now"
        case .relationship?: subject = "A fresh start, with a new point of contact"
        case .strategic?: subject = "When your priorities change"
        case .product?, nil: subject = "We fixed [\(issue)]"
        }
        var steps = [
            Step(day: 7, date: churn.adding(days: 7), subject: subject,
                 angle: "acknowledge \(reasonText.map { "'\($0)'" } ?? "why they left") and say what changed: \(fix)", status: .later),
            Step(day: 30, date: churn.adding(days: 30), subject: "[Their industry] companies are seeing [specific result]",
                 angle: "a similar customer's result and the improvements shipped in the past month; offer a quick catch-up", status: .later),
            Step(day: 90, date: churn.adding(days: 90), subject: "\(product) [Version] — built with your feedback",
                 angle: "only after a major release: what is new and why it matters to them; offer a private 15-minute preview", status: .later),
        ]
        if let next = steps.firstIndex(where: { $0.date >= today }) {
            for i in steps.indices { steps[i].status = i < next ? .past : i == next ? .next : .later }
        } else {
            for i in steps.indices { steps[i].status = .past }
        }
        sequence = steps
    }
}
