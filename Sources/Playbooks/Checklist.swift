import Workspace

/// One line of a plan's checklist: what to do, by when, and whether the workspace shows
/// it done (with the evidence), still due, or overdue.
public struct ChecklistItem: Equatable, Sendable, Encodable {
    public enum Status: String, Codable, Sendable {
        case done, due, overdue, upcoming
        /// Flagged by the CSM.
        case atRisk = "at_risk"
        /// The workspace cannot tell; the CSM marks it with `milestone done`.
        case open
    }

    public var text: String
    public var due: Day?
    public var status: Status
    /// Why it counts as done ("kickoff held 2026-11-08"), or what is known so far.
    public var evidence: String?

    public init(_ text: String, due: Day?, status: Status, evidence: String? = nil) {
        self.text = text
        self.due = due
        self.status = status
        self.evidence = evidence
    }

    /// Done when `evidence` is given; otherwise due, overdue or upcoming by the date. An
    /// item the workspace cannot see (`knowable` false) is open, not overdue, once its date
    /// has passed: nobody recorded it, which is not the same as it not happening.
    public static func dated(_ text: String, due: Day, today: Day, startsOn: Day? = nil, evidence: String?, knowable: Bool = true) -> ChecklistItem {
        if let evidence { return ChecklistItem(text, due: due, status: .done, evidence: evidence) }
        if due < today {
            return knowable ? ChecklistItem(text, due: due, status: .overdue)
                : ChecklistItem(text, due: due, status: .open, evidence: "not recorded (due \(due))")
        }
        if let startsOn, startsOn > today { return ChecklistItem(text, due: due, status: .upcoming) }
        return ChecklistItem(text, due: due, status: .due)
    }
}
