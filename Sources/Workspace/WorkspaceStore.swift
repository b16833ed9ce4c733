/// Everything the domain code needs from where the accounts live: the only thing commands
/// see. `SQLStore` implements it over SQLite (one CSM) and PostgreSQL (a team).
public protocol WorkspaceStore: AnyObject {
    /// Ends the connection (PostgreSQL) or the file's connections (SQLite, its WAL moved into
    /// the file when no other process has it open); nothing reads or writes after.
    func close() throws
    func accounts() throws -> [Account]
    /// The accounts with these ids (those that exist), in the order of `accounts()`.
    func accounts(ids: [Int64]) throws -> [Account]
    /// The ids of the accounts this CSM holds, live or churned: one indexed look-up.
    func accountIDs(csm: String) throws -> Set<Int64>
    /// The accounts whose name (`isName`) or an alias is `key` as typed names compare
    /// (`String.comparable`): one indexed look-up.
    func accounts(withKey key: String) throws -> [(account: Account, isName: Bool)]
    /// The names and aliases (as typed names compare) that are one of `keys`: one indexed look-up.
    func accountKeys(in keys: [String]) throws -> [AccountKey]
    /// Up to `limit` names and aliases that start with `prefix`, in key order: an indexed range.
    func accountKeys(startingWith prefix: String, limit: Int) throws -> [AccountKey]
    /// How many names and aliases start with `prefix`.
    func countAccountKeys(startingWith prefix: String) throws -> Int
    /// Every name and alias, in key order: for the "did you mean" of a name that is none.
    func accountKeys() throws -> [AccountKey]
    /// Every CSM the accounts name, once each, sorted.
    func csms() throws -> [String]
    func contacts() throws -> [Contact]
    func contacts(accountID: Int64) throws -> [Contact]
    func events(accountID: Int64) throws -> [Event]
    func events() throws -> [Event]
    /// The events on or after a day of these kinds, and every one of these accounts', oldest first.
    func events(from: Day, kinds: [String], accounts: Set<Int64>) throws -> [Event]
    func goals(accountID: Int64) throws -> [Goal]
    func goals() throws -> [Goal]
    func milestones(accountID: Int64) throws -> [Milestone]
    func useCases(accountID: Int64) throws -> [UseCase]
    /// Every alert's triage state.
    func alertStates() throws -> [AlertState]
    /// Records a look at the alerts: those firing and not yet known are new (returned by id);
    /// known ones of `accounts` (every account when nil) that no longer fire are dropped.
    /// `states[i]` is the state of `firing[i]`.
    func noteAlerts(_ firing: [(accountID: Int64, key: String)], of accounts: Set<Int64>?, on day: Day, by user: String) throws -> (states: [AlertState], new: Set<Int64>)?
    /// Every task, open and done, soonest due first (undated last).
    func tasks() throws -> [CSMTask]
    /// The ids of one account's rows in each of these tables (`Change.setColumns` moves them).
    func recordIDs(accountID: Int64, in tables: [String]) throws -> [(table: String, id: Int64)]
    func subscriptions(accountID: Int64) throws -> [Subscription]
    /// The whole subscription ledger, for retention maths.
    func ledger() throws -> Ledger

    /// One account's snapshots, oldest first.
    func snapshots(accountID: Int64) throws -> [Snapshot]
    /// Every account's latest `limit` snapshots with week ≤ `through`, oldest first, keyed by account.
    func recentSnapshots(through: Day, limit: Int) throws -> [Int64: [Snapshot]]
    /// One account's latest `limit` snapshots with week ≤ `through`, oldest first.
    func recentSnapshots(accountID: Int64, through: Day, limit: Int) throws -> [Snapshot]
    /// Every snapshot, ordered by account then week.
    func allSnapshots() throws -> [Snapshot]

    func notes(accountID: Int64) throws -> [Note]

    /// One account's product usage from `from` through `through`; nil when no event import
    /// has ever named the account.
    func usage(accountID: Int64, from: Day, through: Day) throws -> UsageHistory?
    /// Whether any product usage has been imported.
    func hasUsage() throws -> Bool
    /// The accounts whose product events stop before other accounts' (`FeedGap`).
    func feedGaps() throws -> [FeedGap]
    /// The numeric snapshot columns cse does not score, week by week.
    func customMetrics(accountID: Int64) throws -> [CustomMetric]

    /// Writes a whole import in one transaction: all of it lands, or none of it. The
    /// summary carries the changes that undo it, and its number in the change log.
    func apply(_ batch: ImportBatch, by author: Author?, progress: ((Int, Int) throws -> Void)?) throws -> ImportSummary

    /// Applies edits in one transaction, recording them with their author (when given) in
    /// the change log; returns the edits that undo them, in order.
    func apply(_ changes: [Change], by author: Author?) throws -> AppliedChange

    /// The accounts in the book on `day` (started by then) with no summary kept for `basis` —
    /// changed since, or never kept — and the accounts `also`, each with its summary's stamp
    /// (nil: no row yet), which saving a summary computed now must find unchanged.
    func outdatedSummaries(basis: String, on day: Day, also: [Int64]) throws -> [(accountID: Int64, stamp: Int64?)]
    /// Hands over each summary kept for `basis` (its body carries its account) — the account,
    /// the body's bytes (valid during the call) and `details` when asked — and returns how many
    /// accounts there are and how many are in the book on `day` (started by then), read
    /// together: a summary is kept only for an account in the book on its day, so when there
    /// are as many, the book is read from them alone.
    func eachKeptSummary(basis: String, on day: Day, details: Bool,
                         _ body: (_ accountID: Int64, _ body: UnsafeRawBufferPointer, _ details: String) throws -> Void) throws -> (accounts: Int, inBook: Int)
    /// Hands over the alerts' heads kept beside each summary of `basis` that has any
    /// (`StoredSummary.alerts`; the bytes valid during the call) of the accounts in the book on
    /// `day` (started by then), in no order, each with its account's name and ARR
    /// in cents; returns how many accounts are in the book. Nil, and nothing handed over, unless
    /// every account has a summary of `basis`.
    func eachKeptAlerts(basis: String, on day: Day,
                        _ body: (_ accountID: Int64, _ name: String, _ arrCents: Int64?, _ alerts: UnsafeRawBufferPointer) throws -> Void) throws -> Int?
    /// Hands over the review's row kept beside each summary of `basis` (`StoredSummary.review`;
    /// the bytes valid during the call) of the accounts in the book on `day` (started by then),
    /// in no order; returns how many accounts are in the book, read together.
    func eachKeptReview(basis: String, on day: Day, _ body: (_ accountID: Int64, _ row: UnsafeRawBufferPointer) throws -> Void) throws -> Int
    /// The bodies kept for `basis` of these accounts (none for an account with no summary of it).
    func keptBodies(of accounts: [Int64], basis: String) throws -> [Int64: String]
    /// What every write that touches an account moves, and nothing else: how many accounts
    /// have had a stamp and the sum of their stamps (stamps only grow, and their rows stay).
    /// An answer kept for one book stamp is of the book as it was then.
    func bookStamp() throws -> String
    /// The answer kept under `name` for this basis and book stamp, if that is what was kept.
    func keptAnswer(_ name: String, basis: String, book: String) throws -> String?
    /// Keeps an answer under `name` for a basis and the book stamp read before it was computed.
    func keep(answer: String, name: String, basis: String, book: String) throws
    /// Saves summaries computed from a reading: each lands only while its account's stamp is
    /// the one that reading saw; returns how many did.
    @discardableResult
    func save(_ summaries: [StoredSummary]) throws -> Int

    /// The changes recorded with an author that touched an account, oldest first.
    func changes(accountID: Int64) throws -> [ChangeRecord]
    /// The changes recorded after the one numbered `id`, oldest first.
    func changes(after id: Int64) throws -> [ChangeRecord]
}

extension WorkspaceStore {
    /// Edits made without an author: the workspace being built, a test's set-up.
    public func apply(_ changes: [Change]) throws -> [Change] { try apply(changes, by: nil).undo }

    public func apply(_ batch: ImportBatch, progress: ((Int, Int) throws -> Void)?) throws -> ImportSummary {
        try apply(batch, by: nil, progress: progress)
    }
}
