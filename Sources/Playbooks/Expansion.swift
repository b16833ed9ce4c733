import Scoring
import Workspace

/// Seed 002's expansion signals found in the workspace, with their numbers, and the plays
/// they call for (seats, plan upgrade, new department, cross-sell), each with an ROI line
/// from the account's own figures. An at-risk account is told to fix its health first.
public struct Expansion: Sendable {
    public struct Signal: Equatable, Sendable, Encodable {
        public var signal: String
        public var strength: String
        public var evidence: String
        public var action: String
    }

    public struct Play: Equatable, Sendable, Encodable {
        public var play: String
        public var steps: [String]
        public var roi: String
    }

    /// Seat use above this share calls for the seat play (seed 002).
    public static let seatThreshold = 0.8
    /// Events count as signals this many days back.
    public static let window = 90

    public var signals: [Signal]
    public var plays: [Play]
    /// The plans above the current one, cheapest first.
    public var upgradePath: [String]
    /// Why to wait: the account is at risk.
    public var hold: String?
    /// ARR the seat play adds, priced from the account's own ARR per seat.
    public var potential: Money

    public static func make(_ input: PlaybookInput) -> Result<Expansion, NotApplicable> {
        let account = input.account
        if let churn = account.churnDate, churn <= input.today {
            return .failure(NotApplicable("\(account.name) churned on \(churn) — win it back first: 'win-back plan \(account.name)'"))
        }
        guard input.snapshots.last != nil else { return .failure(NotApplicable("\(account.name) has no weekly metrics yet")) }
        return .success(Expansion(input))
    }

    init(_ input: PlaybookInput) {
        let today = input.today
        let latest = input.snapshots.last!
        let n = Format.number
        let recent = input.events.filter { $0.date.days(until: today) <= Expansion.window }
        func event(_ kind: EventKind) -> Event? { recent.last { $0.kind == kind.rawValue } }
        func said(_ e: Event) -> String { "logged \(e.date)" + (e.details.map { ": \($0)" } ?? "") }

        var signals: [Signal] = []
        let licensed = latest[.licensedUsers] ?? 0
        let users = latest[.usersThisMonth] ?? latest[.dau] ?? 0
        let seatUse = licensed > 0 ? users / licensed : nil
        if let seatUse, seatUse > Expansion.seatThreshold {
            signals.append(Signal(signal: "seat use above 80%", strength: "🔥 high",
                                  evidence: "\(n(users)) of \(n(licensed)) licensed seats in use (\(Format.percent(seatUse * 100))) in the week ending \(latest.week)",
                                  action: "offer more seats before they hit the ceiling"))
        }
        if let e = event(.usageAtLimit) {
            signals.append(Signal(signal: "usage at the limit", strength: "🔥 high", evidence: said(e), action: "propose the upgrade now"))
        }
        if let e = event(.newTeamInterested) {
            signals.append(Signal(signal: "a new team or department asking", strength: "🔥 high", evidence: said(e), action: "book a product introduction for them"))
        }
        if let e = event(.premiumFeatureRequested) {
            signals.append(Signal(signal: "premium feature requested", strength: "🔥 high", evidence: said(e), action: "offer a trial of the premium features"))
        }
        if let e = event(.fundingAnnounced) {
            signals.append(Signal(signal: "funding or expansion announced", strength: "🟡 medium", evidence: said(e), action: "congratulate and offer support"))
        }
        if let e = event(.championPromoted) {
            signals.append(Signal(signal: "champion promoted", strength: "🟡 medium", evidence: said(e), action: "congratulate and ask which teams they now lead"))
        }
        if let now = latest[.usersThisMonth], let before = latest[.usersLastMonth], before > 0, (now - before) / before >= 0.1 {
            signals.append(Signal(signal: "users growing", strength: "🟡 medium",
                                  evidence: "\(n(before)) → \(n(now)) monthly users (\(Format.signedPercent((now - before) * 100 / before)))",
                                  action: "share the adoption story with the sponsor"))
        }
        self.signals = signals

        let plans = ["starter", "growth", "professional", "enterprise"]
        let current = input.account.plan.flatMap { plan in plans.firstIndex(of: plan.lowercased()) }
        upgradePath = current.map { Array(plans[($0 + 1)...]) } ?? []
        let arr = input.account.arr
        let perSeat = arr.flatMap { licensed > 0 ? Money(dollars: Int64(($0.dollars / licensed).rounded())) : nil }
        var potential = Money(cents: 0)
        var plays: [Play] = []
        let has = { (s: String) in signals.contains { $0.signal == s } }
        if has("seat use above 80%"), let perSeat {
            // Seats for 70% use after the growth: room to keep adding people.
            let needed = max(1, Int((users / 0.7).rounded(.up)) - Int(licensed))
            let added = Money(cents: perSeat.cents * Int64(needed))
            potential = potential + added
            plays.append(Play(play: "seat expansion", steps: [
                "Tell them they are close to capacity: \(n(users)) of \(n(licensed)) seats in use",
                "Offer a volume discount for a longer term",
                "Share where their adoption ranks among customers like them",
            ], roi: "\(needed) more seat\(needed == 1 ? "" : "s") at \(perSeat) a seat a year = +\(added) ARR (back to 70% use)"))
        }
        if has("usage at the limit") || has("premium feature requested"), let next = upgradePath.first {
            let hours = latest[.weeklyHours].map { "the team logs \(n($0)) h a week in the product today" } ?? "their weekly hours are not in the workspace"
            plays.append(Play(play: "plan upgrade to \(next)", steps: [
                "Match the premium features to what they asked for",
                "Run a 14-day premium trial",
                "Work out the upgrade's ROI in hours saved and show it to the sponsor",
                "Offer the upgrade at renewal\(input.account.renewalDate.map { " (\($0))" } ?? "") or mid-term",
            ], roi: "price the hours saved: \(hours); the \(next) price is not in the workspace"))
        }
        if has("a new team or department asking") || has("champion promoted") {
            let team = arr.map { "estimate: if the new team matches today's \(n(licensed)) seats, ≈ +\($0) ARR" } ?? "ARR not in the workspace"
            plays.append(Play(play: "new department", steps: [
                "Ask \(input.contact(.champion)?.name ?? "the champion") which other departments face the same problem",
                "Offer the new department a free workshop",
                "Give the new champion an internal demo deck",
                "Start a separate success plan and relationship map for the new team",
            ], roi: team))
        }
        if has("funding or expansion announced") {
            plays.append(Play(play: "cross-sell", steps: [
                "Map their stack for gaps the other products fill",
                "Introduce with a case study from a similar customer",
                "Offer a 30-day proof of concept with no commitment",
                "Bundle: the second product 20% below buying it alone",
            ], roi: "new product ARR: price not in the workspace"))
        }
        self.plays = plays
        self.potential = potential

        hold = Expansion.hold(input)
    }

    /// Why not to pitch now: the account is at risk. (A function of its own: inlined in
    /// `init`, this expression crashed the Swift 6.3.1 optimiser in CopyPropagation.)
    @inline(never)
    static func hold(_ input: PlaybookInput) -> String? {
        guard input.isAtRisk else { return nil }
        let score = input.health.current.map { Format.oneDecimal($0.shown) } ?? "—"
        let tier = input.health.tier?.label ?? "no tier"
        return "health \(score) (\(tier)) and churn risk \(input.risk.level.label): fix the account first — an expansion pitch to an unhappy customer backfires"
    }
}
