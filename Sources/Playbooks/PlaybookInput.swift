import Scoring
import Workspace

/// Everything a plan reads about one account: its health as of a day (with contacts,
/// events and goals), the success plan's milestones and use cases, and its churn risk.
public struct PlaybookInput: Sendable {
    public var health: AccountHealth
    public var milestones: [Milestone]
    public var useCases: [UseCase]
    public var risk: ChurnRisk

    public init(health: AccountHealth, milestones: [Milestone] = [], useCases: [UseCase] = []) {
        self.health = health
        self.milestones = milestones
        self.useCases = useCases
        risk = ChurnRisk(health: health)
    }

    public var account: Account { health.account }
    public var today: Day { health.asOf }
    /// The contacts holding their role today: those who left are gone.
    public var contacts: [Contact] { health.records.contacts(on: today) }
    public var goals: [Goal] { health.records.goals }
    /// Events on or before today, oldest first.
    public var events: [Event] { health.records.events.filter { $0.date <= today } }
    public var snapshots: [Snapshot] { health.snapshots }
    public var cadence: Cadence { Cadence(account) }

    /// At risk as `BookFigures` defines it: the accounts a save plan is for, and those not
    /// to pitch an expansion to.
    public var isAtRisk: Bool { BookFigures.isAtRisk(risk) }

    /// One contact holds the whole relationship.
    public var isSingleThreaded: Bool { contacts.count == 1 }

    public func contact(_ role: Contact.Role) -> Contact? { health.holder(role) }

    /// When a person (a goal's owner, say) left the account, if the workspace says they did.
    public func leftOn(_ person: String?) -> Day? {
        guard let person, !person.isEmpty else { return nil }
        return health.records.departures(on: today).first { $0.contact.name.comparable == person.comparable }?.event.date
    }

    /// The person if they are still there, else nil.
    public func present(_ person: String?) -> String? { leftOn(person) == nil ? person : nil }

    /// The latest event of a kind, if any.
    public func last(_ kind: EventKind) -> Event? { events.last { $0.kind == kind.rawValue } }

    /// A milestone recorded complete whose name contains `text` (case and spacing ignored).
    public func recorded(_ text: String) -> Milestone? {
        let key = text.comparable
        return milestones.first { $0.status == .complete && ($0.name.comparable.contains(key) || key.contains($0.name.comparable)) }
    }
}
