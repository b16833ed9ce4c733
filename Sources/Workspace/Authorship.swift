/// Who makes a change, when, and what it was, as the change log keeps it.
public struct Author: Sendable, Equatable {
    public var user: String
    /// Local date and time, `YYYY-MM-DD HH:MM`.
    public var at: String
    /// The change in words ("set Acme Corp arr 9000", "import accounts.csv").
    public var what: String

    public init(user: String, at: String, what: String) {
        self.user = user
        self.at = at
        self.what = what
    }
}

/// One change as the workspace recorded it.
public struct ChangeRecord: Sendable, Equatable {
    public var id: Int64
    public var author: Author
    /// The accounts it touched.
    public var accounts: Set<Int64>
    /// Only added events or notes, which show themselves (with their author) in a timeline.
    public var recordsOnly: Bool

    public init(id: Int64, author: Author, accounts: Set<Int64>, recordsOnly: Bool) {
        self.id = id
        self.author = author
        self.accounts = accounts
        self.recordsOnly = recordsOnly
    }

    /// The day it was made.
    public var day: Day? { Day(iso: String(author.at.prefix(10))) }
}

/// What applying edits gives back: the edits that undo them, and the change's number in the
/// log (nil when no author was given: a workspace being built).
public struct AppliedChange: Sendable {
    public var undo: [Change]
    public var change: Int64?

    public init(undo: [Change], change: Int64?) {
        self.undo = undo
        self.change = change
    }
}
