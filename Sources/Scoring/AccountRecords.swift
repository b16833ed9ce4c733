import Workspace

/// What a model may read about an account besides its weekly snapshots.
public struct AccountRecords: Sendable {
    public var account: Account
    public var contacts: [Contact]
    public var events: [Event]
    public var goals: [Goal]

    public init(account: Account, contacts: [Contact] = [], events: [Event] = [], goals: [Goal] = []) {
        self.account = account
        self.contacts = contacts
        self.events = events
        self.goals = goals
    }
}
