/// A business objective of the success plan (seed 002): metric, baseline, target, timeline,
/// who owns it on the customer's side, and the result reached.
public struct Goal: Equatable, Sendable {
    public var id: Int64?
    public var accountID: Int64
    public var objective: String
    public var metric: String?
    public var baseline: String?
    public var target: String?
    public var due: Day?
    public var status: String
    public var owner: String?
    /// What was reached ("1.2 h"), for the QBR scorecard and recap.
    public var result: String?
    /// Who recorded it (CSE_USER, else the login name); nil before cse kept authors.
    public var author: String?

    /// Achieved, done or complete.
    public var isAchieved: Bool { ["achieved", "done", "complete", "completed"].contains(status.lowercased()) }

    public init(id: Int64? = nil, accountID: Int64, objective: String, metric: String? = nil, baseline: String? = nil,
                target: String? = nil, due: Day? = nil, status: String = "open", owner: String? = nil, result: String? = nil) {
        self.id = id
        self.accountID = accountID
        self.objective = objective
        self.metric = metric
        self.baseline = baseline
        self.target = target
        self.due = due
        self.status = status
        self.owner = owner
        self.result = result
    }
}
