/// One undoable edit of the workspace. The store applies a list of them in one
/// transaction and hands back the list that undoes it.
public enum Change: Sendable {
    case saveAccount(Account)
    case insertAccount(Account)
    case deleteAccount(Int64)
    case saveSnapshot(Snapshot)
    case deleteSnapshot(accountID: Int64, week: Day)
    case setContact(accountID: Int64, role: Contact.Role, contact: Contact?)
    case addEvent(Event)
    case deleteEvent(Int64)
    case addNote(Note)
    case deleteNote(Int64)
}
