import Workspace

/// What a model may read about an account besides its weekly snapshots.
public struct AccountRecords: Sendable {
    /// A person who left: the contact as recorded, and the "champion left" event that says so.
    public struct Departure: Equatable, Sendable {
        public var contact: Contact
        public var event: Event
    }

    public var account: Account
    /// Every contact on record, those replaced or gone since included.
    public var allContacts: [Contact]
    public var events: [Event]
    public var goals: [Goal]
    /// Who left and when, oldest first: a "champion left" event vacates the contact on record
    /// it names first (in any role, replaced ones included, so a champion set since does not
    /// shift the name onto someone else), or, naming nobody on record, the champion then.
    public let departures: [Departure]

    public init(account: Account, contacts: [Contact] = [], events: [Event] = [], goals: [Goal] = []) {
        self.account = account
        self.allContacts = contacts
        self.events = events
        self.goals = goals
        departures = AccountRecords.departures(contacts: contacts, events: events)
    }

    /// The contacts holding their role on `day`: anyone replaced or gone by then is not.
    public func contacts(on day: Day) -> [Contact] {
        let gone = departures.filter { $0.event.date <= day }.map(\.contact)
        return allContacts.filter { $0.holdsRole(on: day) && !gone.contains($0) }
    }

    /// The departures logged on or before `day`.
    public func departures(on day: Day) -> [Departure] { departures.filter { $0.event.date <= day } }

    /// Whether the workspace records anyone at this account at all: without contacts,
    /// a missing role is a data gap, not a risk.
    public var recordsContacts: Bool { !allContacts.isEmpty }

    /// The CSM's latest contact with the account on or before `day` (a call, an e-mail sent,
    /// a meeting, a QBR, a kickoff); nil when none is logged.
    public func lastTouch(on day: Day) -> Event? {
        events.last { $0.date <= day && (EventKind(rawValue: $0.kind).map(EventKind.touches.contains) ?? false) }
    }

    /// The champion a departure naming nobody on record means: the one holding the role that
    /// day. Someone recorded only after it is taken for the successor, not the one who left
    /// (to vacate them, name them: "champion left Nina Sharp resigned").
    static func championThen(_ day: Day, _ contacts: [Contact]) -> [Contact] {
        contacts.filter { $0.role == .champion && $0.holdsRole(on: day) && ($0.recordedOn.map { $0 <= day } ?? true) }
    }

    static func departures(contacts: [Contact], events: [Event]) -> [Departure] {
        let left = events.filter { $0.kind == EventKind.championLeft.rawValue }.sorted { $0.date < $1.date }
        guard !left.isEmpty, !contacts.isEmpty else { return [] }
        var result: [Departure] = []
        for event in left {
            let text = (event.details ?? "").comparable
            // The person named first ("Nina Sharp resigned; Tom Becker takes over" vacates Nina).
            let named = contacts.compactMap { c in c.name.isEmpty ? nil : text.range(of: c.name.comparable).map { (c, $0.lowerBound) } }
                .min { $0.1 < $1.1 }.map { first in contacts.filter { $0.name.comparable == first.0.name.comparable } } ?? []
            let vacated = !named.isEmpty ? named : championThen(event.date, contacts)
            for contact in vacated where !result.contains(where: { $0.contact == contact }) {
                result.append(Departure(contact: contact, event: event))
            }
        }
        return result
    }
}
