/// A checked import, ready to write. Accounts are matched by name (or alias);
/// snapshots and contacts refer to accounts by name because their ids may not exist yet.
public struct ImportBatch: Sendable {
    /// Which account columns the file had: a re-import changes only those.
    public var accountFields: Set<AccountField>
    public var accounts: [Account]
    /// A nil contact clears the role (an empty cell in a contact column).
    public var contacts: [(account: String, role: Contact.Role, contact: Contact?)]
    /// A contacts file's rows, one person each (`ChangeWriter.putPerson`): a nil role leaves
    /// the person's role in cse as it is.
    public var contactRows: [(account: String, contact: Contact)] = []
    public var snapshots: [(account: String, snapshot: Snapshot)]
    public var events: [(account: String, event: Event)]
    /// A subscriptions file replaces the ledger of every account it names.
    public var subscriptions: [(account: String, subscription: Subscription)] = []
    /// What the ledger says of accounts the workspace may lack: first start, churn, ARR now.
    public var ledgerProfiles: [String: (start: Day, churn: Day?, arr: Money)] = [:]
    /// The metric columns the snapshot rows carry: a week already stored keeps its value of
    /// any other (a file with four metric columns does not speak for the other fifteen).
    public var snapshotFields: Set<SnapshotField> = []
    /// The day of the import: a contact it replaces (or an empty contact cell clears) is
    /// kept on record, replaced on this day.
    public var day: Day?
    /// Aliases from the file are added to those on record, not put in their place.
    public var addAliases = false
    /// Numeric snapshot columns cse does not score: metrics of the workspace's own.
    public var customColumns: [String] = []
    /// Per snapshot row (same order as `snapshots`), each custom column's value (nil: empty cell).
    public var customValues: [[Double?]] = []
    /// Product usage from an event export (`UsageReader`).
    public var usage: UsageBatch?
    /// Names near an account the workspace has are new accounts (`import FILE --create`),
    /// not refused.
    public var createNearNames = false

    /// Every account name the rows give, in file order (repeats included).
    var accountNames: [String] {
        accounts.map(\.name) + contacts.map(\.account) + contactRows.map(\.account) + snapshots.map(\.account) + events.map(\.account)
            + subscriptions.map(\.account) + (usage?.accounts ?? [])
    }

    public init(accountFields: Set<AccountField> = [], accounts: [Account] = [], contacts: [(account: String, role: Contact.Role, contact: Contact?)] = [],
                snapshots: [(account: String, snapshot: Snapshot)] = [], events: [(account: String, event: Event)] = []) {
        self.accountFields = accountFields
        self.accounts = accounts
        self.contacts = contacts
        self.snapshots = snapshots
        self.events = events
    }

    public var isEmpty: Bool { accounts.isEmpty && snapshots.isEmpty && events.isEmpty && contacts.isEmpty && contactRows.isEmpty && subscriptions.isEmpty && (usage?.rows ?? 0) == 0 }
}

/// What an import changed, for the one-line summary.
public struct ImportSummary: Sendable {
    public var accountsCreated = 0
    public var accountsUpdated = 0
    public var snapshotsAdded = 0
    public var snapshotsUpdated = 0
    public var contactsSet = 0
    /// A contacts file: people new to the workspace, people whose role, title or e-mail
    /// changed, and people already on record as the file has them.
    public var contactsAdded = 0
    public var contactsUpdated = 0
    public var contactsUnchanged = 0
    public var eventsAdded = 0
    public var subscriptionsAdded = 0
    public var subscriptionsReplaced = 0
    /// Rows the workspace already held as the file gives them: left as they are.
    public var accountsUnchanged = 0
    public var snapshotsUnchanged = 0
    public var eventsPresent = 0
    /// Events found by the source's record id and changed by the file.
    public var eventsUpdated = 0
    public var subscriptionsUnchanged = 0
    /// An event import whose range already held exactly what the file gives.
    public var usageUnchanged = false
    /// Rows that changed nothing, of every kind.
    public var alreadyPresent: Int { accountsUnchanged + snapshotsUnchanged + contactsUnchanged + eventsPresent + subscriptionsUnchanged }
    /// An event import: rows read, and the accounts, users and event names in them.
    public var usageRows = 0
    public var usageAccounts = 0
    public var usageUsers = 0
    public var usageEvents = 0
    /// Stored user-days and daily counts the import's range replaced.
    public var usageDaysReplaced = 0
    /// Accounts that only a snapshot or event row named, created with nothing but their name.
    public var createdByName: [String] = []
    /// What undoes the import.
    public var undo: [Change] = []
    /// The import's number in the change log.
    public var change: Int64?

    public init() {}
}
