import GRDB

/// One undoable edit of the workspace. The store applies a list of them in one
/// transaction and hands back the list that undoes it.
public enum Change: Sendable {
    case saveAccount(Account)
    /// Sets these fields of the account, as they are in the value given; the others keep what
    /// the workspace has now (another CSM may have changed them since this one read it).
    case setAccountFields(Account, Set<AccountField>)
    case insertAccount(Account)
    case deleteAccount(Int64)
    case saveSnapshot(Snapshot)
    case deleteSnapshot(accountID: Int64, week: Day)
    /// Puts `contact` in the role on `day`; whoever held it stays on record, replaced that day.
    /// The same person again updates their title and e-mail.
    case setContact(accountID: Int64, role: Contact.Role, contact: Contact?, on: Day)
    /// Inserts (no id) or replaces (with id) a contact row exactly: what undo puts back.
    case putContact(Contact)
    case deleteContact(Int64)
    case addEvent(Event)
    case deleteEvent(Int64)
    case addNote(Note)
    case deleteNote(Int64)
    /// Inserts (no id) or replaces (with id) a success-plan record.
    case putGoal(Goal)
    case deleteGoal(Int64)
    case putMilestone(Milestone)
    case deleteMilestone(Int64)
    case putUseCase(UseCase)
    case deleteUseCase(Int64)
    /// Sets the whole ledger of these accounts (what undoes a subscriptions import).
    case replaceLedger(accountIDs: [Int64], subscriptions: [Subscription])
    /// Inserts (no id) or replaces (with id) an alert's triage state.
    case putAlertState(AlertState)
    case deleteAlertState(Int64)
    /// Inserts (no id) or replaces (with id) a task.
    case putTask(CSMTask)
    case deleteTask(Int64)
    /// Sets the product usage of a range of days (what an event import writes, and undoes).
    case replaceUsage(UsageSlice)
    /// Sets one account-week's custom metrics: the names given, to these values (nil removes).
    case setCustomMetrics(accountID: Int64, week: Day, values: [String: Double?])
    /// Sets these columns of one record, the others as they are now (`Change.edit`).
    case setColumns(table: String, id: Int64, accountID: Int64, values: [String: DatabaseValue])
    /// Moves all of one account's product usage (users, days, counts, coverage) to another
    /// that has none (`account merge`).
    case moveUsage(from: Int64, to: Int64)
    /// Removes all of one account's product usage (what `account delete` takes with it).
    case removeUsage(accountID: Int64)
    /// Puts back an account's whole product usage as `removeUsage` found it: its users (with
    /// their ids), their days, the daily counts and the days covered.
    case putUsage(accountID: Int64, users: [UsageSlice.User], slice: UsageSlice)
}

extension Change {
    /// The columns `new` changes in a record read as `old`, and only those: what another CSM
    /// changed meanwhile in the record's other columns stays. A record not yet stored is
    /// inserted whole.
    public static func edit<R: AccountRecord>(_ old: R, _ new: R) throws -> Change {
        guard let id = old.id, new.id == id else { return put(new) }
        let before = try old.databaseDictionary, after = try new.databaseDictionary
        return .setColumns(table: R.databaseTableName, id: id, accountID: new.accountID,
                           values: after.filter { $0.key != "id" && before[$0.key] != $0.value })
    }

    /// Inserts or replaces a record whole.
    static func put<R: AccountRecord>(_ record: R) -> Change {
        switch record {
        case let r as CSMTask: return .putTask(r)
        case let r as Goal: return .putGoal(r)
        case let r as Milestone: return .putMilestone(r)
        case let r as UseCase: return .putUseCase(r)
        case let r as AlertState: return .putAlertState(r)
        case let r as Contact: return .putContact(r)
        default: preconditionFailure("no put for \(R.self)")
        }
    }
}

extension Change {
    /// The account the change names, when it names one (a record changed by id names none:
    /// the writer finds its account).
    var accountID: Int64? {
        switch self {
        case .saveAccount(let a), .setAccountFields(let a, _): return a.id
        case .insertAccount(let a): return a.id
        case .deleteAccount(let id): return id
        case .saveSnapshot(let s): return s.accountID
        case .deleteSnapshot(let id, _), .setContact(let id, _, _, _), .setCustomMetrics(let id, _, _), .setColumns(_, _, let id, _): return id
        case .moveUsage(_, let to): return to
        case .removeUsage(let id), .putUsage(let id, _, _): return id
        case .addEvent(let e): return e.accountID
        case .addNote(let n): return n.accountID
        case .putContact, .putGoal, .putMilestone, .putUseCase, .putTask, .putAlertState, .replaceLedger, .replaceUsage,
             .deleteContact, .deleteEvent, .deleteNote, .deleteGoal, .deleteMilestone, .deleteUseCase, .deleteTask, .deleteAlertState:
            return nil
        }
    }

    /// An added event or note: shown in a timeline by itself.
    var addsRecord: Bool {
        switch self {
        case .addEvent, .addNote: return true
        default: return false
        }
    }
}
