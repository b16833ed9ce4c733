import Scoring
import Workspace

/// Seed 002's success plan, filled from the workspace: stakeholders (with the gaps),
/// business objectives with their metric, baseline, target, timeline and status, use
/// cases, milestones, the risks in play with a mitigation and owner each, and the next review.
public struct SuccessPlan: Sendable {
    public struct Stakeholder: Sendable {
        public var role: Contact.Role
        public var contact: Contact?
    }

    public struct Objective: Sendable {
        public enum Status: String, Codable, Sendable { case achieved, onTrack = "on track", due, overdue }
        public var number: Int
        public var goal: Goal
        public var status: Status
        /// The day the goal's owner left, when they did.
        public var ownerLeft: Day?
    }

    public struct Risk: Equatable, Sendable, Encodable {
        public var risk: String
        public var mitigation: String
        public var owner: String
    }

    public var owner: String
    public var stakeholders: [Stakeholder]
    public var objectives: [Objective]
    public var useCases: [UseCase]
    public var milestones: [ChecklistItem]
    public var risks: [Risk]
    public var nextReview: Day
    /// Why the review falls then ("QBR twice a year; last held 2026-08-16").
    public var nextReviewBasis: String

    /// Days before a goal's date when an open goal counts as due rather than on track.
    public static let dueWindow = 30

    public static func make(_ input: PlaybookInput) -> Result<SuccessPlan, NotApplicable> {
        let account = input.account
        if let churn = account.churnDate, churn <= input.today {
            return .failure(NotApplicable("\(account.name) churned on \(churn) — see 'win-back plan \(account.name)'"))
        }
        return .success(SuccessPlan(input))
    }

    public init(_ input: PlaybookInput) {
        let today = input.today
        let csm = input.account.csm ?? "the CSM"
        owner = csm
        stakeholders = Contact.Role.allCases.sorted { $0.order < $1.order }.map { role in Stakeholder(role: role, contact: input.contact(role)) }
        objectives = input.goals.enumerated().map { i, goal in
            let status: Objective.Status
            if goal.isAchieved { status = .achieved }
            else if let due = goal.due, due < today { status = .overdue }
            else if let due = goal.due, today.days(until: due) <= SuccessPlan.dueWindow { status = .due }
            else { status = .onTrack }
            return Objective(number: i + 1, goal: goal, status: status, ownerLeft: input.leftOn(goal.owner))
        }
        useCases = input.useCases
        milestones = input.milestones.map { m in
            switch m.status {
            case .complete: return ChecklistItem(m.name, due: m.due, status: .done, evidence: "complete" + (m.done.map { " \($0)" } ?? ""))
            case .atRisk: return ChecklistItem(m.name, due: m.due, status: .atRisk, evidence: "at risk")
            case .pending:
                guard let due = m.due else { return ChecklistItem(m.name, due: nil, status: .open, evidence: "pending, no date") }
                return ChecklistItem.dated(m.name, due: due, today: today, evidence: nil)
            }
        }

        var risks: [Risk] = []
        let champion = input.contact(.champion)?.name
        if !input.health.records.recordsContacts {
            risks.append(Risk(risk: "no contacts recorded (a data gap)", mitigation: "record the champion and executive sponsor: 'set \(input.account.name) champion NAME'", owner: csm))
        } else if input.contact(.champion) == nil && !input.risk.drivers.contains(where: { $0.signal == .championLeft }) {
            risks.append(Risk(risk: "no champion on record", mitigation: "find a new champion within 48 hours; re-establish executive contact", owner: csm))
        }
        if input.health.records.recordsContacts && input.contact(.executiveSponsor) == nil {
            risks.append(Risk(risk: "no executive sponsor", mitigation: "ask \(champion ?? "the champion") to introduce their manager", owner: csm))
        }
        if input.isSingleThreaded {
            risks.append(Risk(risk: "single-threaded: one contact only", mitigation: "meet a second stakeholder this month (technical lead or sponsor)", owner: csm))
        }
        if input.goals.isEmpty {
            risks.append(Risk(risk: "no business objectives recorded", mitigation: "agree 2–3 measurable objectives at the next meeting ('goal add')", owner: csm))
        }
        for o in objectives where o.status == .overdue {
            risks.append(Risk(risk: "objective \(o.number) overdue: \(o.goal.objective) (due \(o.goal.due!))",
                              mitigation: "re-plan it with \(input.present(o.goal.owner) ?? champion ?? "the customer"): a new date, or what blocks it",
                              owner: input.present(o.goal.owner) ?? csm))
        }
        for o in objectives where o.status != .achieved {
            guard let left = o.ownerLeft, let owner = o.goal.owner else { continue }
            risks.append(Risk(risk: "objective \(o.number) has no owner: \(owner) left on \(left)",
                              mitigation: "agree a new owner with \(champion ?? "the main contact")", owner: csm))
        }
        for m in input.milestones where m.status == .atRisk || (m.status == .pending && (m.due.map { $0 < today } ?? false)) {
            risks.append(Risk(risk: "milestone \(m.status == .atRisk ? "at risk" : "late"): \(m.name)", mitigation: "agree the blocker and a new date", owner: csm))
        }
        for d in input.risk.drivers {
            risks.append(Risk(risk: "\(d.label): \(d.evidence.shown)", mitigation: d.play, owner: csm))
        }
        self.risks = risks

        let cadence = input.cadence
        let every = cadence.qbrEveryDays ?? 90
        if let last = input.last(.qbrHeld) {
            nextReview = max(last.date.adding(days: every), today)
            nextReviewBasis = "QBR \(cadence.qbr) (\(cadence.row.rawValue)); last held \(last.date)"
        } else {
            let start = input.account.startDate ?? today
            var review = start.adding(days: 90)
            while review < today { review = review.adding(days: every) }
            nextReview = review
            nextReviewBasis = "no QBR logged; 90 days from the start, then \(cadence.qbr == "none" ? "every 90 days" : cadence.qbr)"
        }
        // A working day, and before a renewal still ahead: a review after it comes too late.
        nextReview = nextReview.workdayOnOrAfter
        if let renewal = input.account.renewalDate, renewal >= today, nextReview > renewal {
            nextReview = max(today, renewal.adding(days: -1).workdayOnOrBefore)
            nextReviewBasis += "; brought before the renewal on \(renewal)"
        }
    }
}
