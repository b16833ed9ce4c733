import Workspace

/// What a conversation is about after each answer: the account last asked about, the last
/// question (with its filters, its order, its date), and the date asked about. A follow-up
/// ("why?", "and Acme?", "sort by ARR", "as of October 1") goes on from here; the shell
/// keeps one for the whole session, piped lines and `-c` included.
public struct Focus: Equatable, Sendable {
    public var account: AccountRef?
    /// The last request that was answered (not a change: a change is never repeated unasked).
    public var last: Request?
    /// The day the last answer was asked as of, when not today.
    public var asOf: Day?
    /// The questions answered, the latest last (a few): "back to the list, by renewal" goes on
    /// from the last list; "view save" keeps it.
    public var history: [Request] = []

    /// The latest answered request of a command.
    public func last(of command: String) -> Request? { history.last { $0.command == command } }

    /// How many answered questions a follow-up may go back to.
    static let remembered = 10

    public init(account: AccountRef? = nil, last: Request? = nil, asOf: Day? = nil) {
        self.account = account
        self.last = last
        self.asOf = asOf
    }

    /// After an answer: its account comes into focus, and a question (not a change) becomes the
    /// one a follow-up goes on from.
    public mutating func answered(_ request: Request, writes: Bool) {
        for case .account(let a) in request.values.values.compactMap(\.last) { account = a }
        guard !writes else { return }
        last = request
        asOf = request.asOf
        history.append(request)
        if history.count > Focus.remembered { history.removeFirst() }
    }
}
