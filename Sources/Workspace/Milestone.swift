/// A success-plan milestone (seed 002): "Technical setup complete" by a date, pending,
/// complete or at risk. Onboarding checklist items are marked done as milestones too.
public struct Milestone: Equatable, Sendable {
    public enum Status: String, CaseIterable, Sendable {
        case pending, complete
        case atRisk = "at-risk"

        public init?(parsing text: String) {
            switch text.comparable.replacingOccurrences(of: " ", with: "-") {
            case "pending", "open", "planned", "todo": self = .pending
            case "complete", "completed", "done", "achieved": self = .complete
            case "at-risk", "atrisk", "risk", "blocked", "late": self = .atRisk
            default: return nil
            }
        }
    }

    public var id: Int64?
    public var accountID: Int64
    public var name: String
    public var due: Day?
    public var status: Status
    /// The day it was completed.
    public var done: Day?

    public init(id: Int64? = nil, accountID: Int64, name: String, due: Day? = nil, status: Status = .pending, done: Day? = nil) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.due = due
        self.status = status
        self.done = done
    }
}
