import Workspace

/// One leading indicator of churn (SPEC.md section 3) as data: the rule that fires it,
/// its lead time, its weight, the reason category it points to and the first move.
/// `ChurnSignal.all` is the table; `ChurnRisk` runs it.
public struct ChurnSignal: Sendable {
    public enum Weight: Int, Sendable {
        case medium = 1, high = 2, veryHigh = 3
        public var label: String { self == .veryHigh ? "very high" : self == .high ? "high" : "medium" }
    }

    /// What fires a signal, read from the account's weeks and events as of a day.
    public indirect enum Rule: Sendable {
        /// An event of this kind logged in the last `days` days.
        case event(EventKind, days: Int)
        /// The same, unless an event of `unless` came in the same window.
        case eventUnless(EventKind, days: Int, unless: EventKind)
        /// A snapshot quantity fell by more than `percent` over `weeks` weeks (0: fell at all).
        case fell(SnapshotField, weeks: Int, percent: Double)
        /// A snapshot quantity below `limit` in the latest week.
        case below(SnapshotField, Double)
        /// The first rule that fires, else the second.
        case either(Rule, Rule)
        /// At least `tickets` severe tickets 31–90 days ago and none (nor an escalation) in the last 30.
        case ticketsSpikeThenQuiet(tickets: Int)
        /// Renewal within `days` days and no meeting in the last 30 (`MeetingRecord`).
        case renewalWithoutMeeting(days: Int)
        /// The four-week trend says declining.
        case trendDeclining
        /// In onboarding: DAU 0 in the first week ending after this day.
        case noUsageAfter(day: Int)
        /// In onboarding: kickoff logged later than this day.
        case kickoffAfter(day: Int)
        /// In onboarding, from this day: active users under this share of licensed.
        case activeShareBelow(Double, fromDay: Int)
        /// In onboarding: contacts recorded, but none in this role.
        case missingRole(Contact.Role)
    }

    public enum ID: String, CaseIterable, Sendable {
        case usageDown = "usage_down", championLeft = "champion_left", ticketsSpikeThenQuiet = "tickets_spike_then_quiet"
        case billingPage = "billing_page_visited", competitor = "competitor", dataExport = "data_export_requested"
        case renewalSignalsMissing = "renewal_signals_missing", seatsRemoved = "seats_removed", negativeNPS = "negative_nps"
        case escalation = "support_escalation", renewalMeetingMissed = "renewal_meeting_missed", downgrade = "contract_downgrade"
        case budgetReview = "budget_review", paymentRefused = "payment_refused", paymentLate = "payment_late"
        case healthDeclining = "health_declining", noLoginAfterDay3 = "no_login_after_day_3", integrationFailed = "integration_failed"
        case kickoffLate = "kickoff_late", lowActivation = "low_activation_day_30", noExecutiveSponsor = "no_executive_sponsor"
    }

    public let id: ID
    public let label: String
    public let rule: Rule
    public let leadTime: String?
    public let weight: Weight
    /// The reason category it points to; nil: the dimension that lost the most points.
    public let reason: ChurnReason?
    /// Only in the first 90 days.
    public let onboarding: Bool
    /// What to do first when it fires. "the champion" and "ACCOUNT" are filled in for the
    /// account (`ChurnRisk`).
    public let play: String
    /// Whether the play names the champion (who is looked up when it fires).
    let personal: Bool

    init(_ id: ID, _ label: String, _ rule: Rule, lead: String? = nil, _ weight: Weight, _ reason: ChurnReason?, onboarding: Bool = false, play: String) {
        self.id = id
        self.label = label
        self.rule = rule
        leadTime = lead
        self.weight = weight
        self.reason = reason
        self.onboarding = onboarding
        self.play = play
        personal = play.contains("the champion")
    }

    /// Onboarding signals count in an account's first this many days.
    public static let onboardingDays = 90

    /// The table, in the order SPEC.md lists it.
    public static let all: [ChurnSignal] = [
        ChurnSignal(.usageDown, "usage down more than 30% in a month", .fell(.weeklyHours, weeks: 4, percent: 30), lead: "90 days", .high, .value,
                    play: "find out with the champion why usage fell; go through the usage dashboard together"),
        ChurnSignal(.championLeft, "champion left", .event(.championLeft, days: 90), lead: "60–90 days", .high, .relationship,
                    play: "find the new main contact within 48 hours and give them a fresh business case"),
        ChurnSignal(.ticketsSpikeThenQuiet, "support tickets spiked, then went quiet", .ticketsSpikeThenQuiet(tickets: 3), lead: "60 days", .medium, .product,
                    play: "call the users who filed the tickets: were the problems fixed, or did they give up?"),
        ChurnSignal(.billingPage, "billing page visited without upgrading", .eventUnless(.billingPageVisited, days: 60, unless: .contractDowngraded),
                    lead: "45 days", .medium, .financial, play: "ask what they were looking for on the billing page: price, seats, or the way out"),
        ChurnSignal(.competitor, "competitor evaluation or mention", .event(.competitorMentioned, days: 90), lead: "30–60 days", .high, .competition,
                    play: "ask who they are evaluating and what the other product offers that we do not"),
        ChurnSignal(.dataExport, "data export requested", .event(.dataExportRequested, days: 60), lead: "30 days", .high, .competition,
                    play: "ask what the export is for before it is done; bring in executive-to-executive contact"),
        ChurnSignal(.renewalSignalsMissing, "renewal signals missing or procurement delays",
                    .either(.event(.procurementDelay, days: 90), .renewalWithoutMeeting(days: 45)), lead: "30–45 days", .high, .relationship,
                    play: "book the renewal conversation with the decision maker this week"),
        ChurnSignal(.seatsRemoved, "seats or licences removed", .either(.event(.seatsRemoved, days: 90), .fell(.licensedUsers, weeks: 4, percent: 0)),
                    lead: "30 days", .medium, .value, play: "find out which teams dropped off and why; re-onboard the ones that can use it"),
        ChurnSignal(.negativeNPS, "negative NPS", .below(.nps, 0), .high, .relationship,
                    play: "call the detractors personally within 24 hours: what went wrong, and what would fix it"),
        ChurnSignal(.escalation, "support escalation", .event(.supportEscalation, days: 90), .high, .product,
                    play: "own the escalation with the technical team until it is closed, and tell the customer each step"),
        ChurnSignal(.renewalMeetingMissed, "missed renewal meeting", .event(.renewalMeetingMissed, days: 90), .high, .relationship,
                    play: "rebook the renewal meeting with the decision maker, and ask the executive sponsor to attend"),
        ChurnSignal(.downgrade, "contract downgrade", .event(.contractDowngraded, days: 180), .veryHigh, .financial,
                    play: "ask what they stopped using and why, before the next invoice"),
        ChurnSignal(.budgetReview, "budget review mentioned", .event(.budgetReviewMentioned, days: 90), .medium, .financial,
                    play: "find out who owns the budget review and when it meets, and put the value delivered in front of it"),
        ChurnSignal(.paymentRefused, "payment refused", .event(.paymentRefused, days: 90), .high, .financial,
                    play: "settle the refused payment with finance and the budget owner within 24 hours"),
        ChurnSignal(.paymentLate, "payment late", .eventUnless(.paymentLate, days: 90, unless: .paymentRefused), .medium, .financial,
                    play: "settle the late invoice with finance before it becomes a renewal problem"),
        ChurnSignal(.healthDeclining, "health declining", .trendDeclining, .medium, nil,
                    play: "go through what fell with the customer ('why ACCOUNT' names the metrics that moved) and agree one fix"),
        ChurnSignal(.noLoginAfterDay3, "no login after day 3", .noUsageAfter(day: 3), .high, .value, onboarding: true,
                    play: "call the champion today: get the first users logged in with them on the call"),
        ChurnSignal(.integrationFailed, "integration failed", .event(.integrationFailed, days: 90), .high, .product, onboarding: true,
                    play: "put a solutions engineer on the integration until it runs"),
        ChurnSignal(.kickoffLate, "kickoff late by more than a week", .kickoffAfter(day: 7), .medium, .relationship, onboarding: true,
                    play: "confirm the success plan and the first milestones with the champion now"),
        ChurnSignal(.lowActivation, "under 50% of users active by day 30", .activeShareBelow(0.5, fromDay: 30), .medium, .value, onboarding: true,
                    play: "run a training session for the users not yet active, and ask the champion who is missing"),
        ChurnSignal(.noExecutiveSponsor, "no executive sponsor", .missingRole(.executiveSponsor), .medium, .relationship, onboarding: true,
                    play: "ask the champion to introduce their manager as executive sponsor"),
    ]
}
