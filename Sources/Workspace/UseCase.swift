/// A use case of the success plan (seed 002): what the customer runs on the product,
/// how far it has got, and when it went (or goes) live.
public struct UseCase: Equatable, Sendable {
    public enum Status: String, CaseIterable, Sendable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case live, optimizing

        public init?(parsing text: String) {
            switch text.comparable.replacingOccurrences(of: " ", with: "-") {
            case "not-started", "notstarted", "planned", "new": self = .notStarted
            case "in-progress", "inprogress", "started", "building": self = .inProgress
            case "live", "launched": self = .live
            case "optimizing", "optimising": self = .optimizing
            default: return nil
            }
        }
    }

    public var id: Int64?
    public var accountID: Int64
    public var name: String
    public var status: Status
    public var goLive: Day?

    public init(id: Int64? = nil, accountID: Int64, name: String, status: Status = .notStarted, goLive: Day? = nil) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.status = status
        self.goLive = goLive
    }
}
