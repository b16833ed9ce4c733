/// A customer account: the profile a CRM export carries.
public struct Account: Equatable, Sendable {
    public var id: Int64?
    public var name: String
    public var aliases: [String]
    public var segment: Segment?
    public var plan: String?
    public var arr: Money?
    public var csm: String?
    public var startDate: Day?
    public var renewalDate: Day?
    public var churnDate: Day?
    public var churnReason: String?

    public init(id: Int64? = nil, name: String, aliases: [String] = [], segment: Segment? = nil, plan: String? = nil,
                arr: Money? = nil, csm: String? = nil, startDate: Day? = nil, renewalDate: Day? = nil,
                churnDate: Day? = nil, churnReason: String? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.segment = segment
        self.plan = plan
        self.arr = arr
        self.csm = csm
        self.startDate = startDate
        self.renewalDate = renewalDate
        self.churnDate = churnDate
        self.churnReason = churnReason
    }

    /// Churned on or before `day`.
    public func isChurned(on day: Day) -> Bool {
        guard let churnDate else { return false }
        return churnDate <= day
    }
}
