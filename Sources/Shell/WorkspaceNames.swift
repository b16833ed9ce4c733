import Intents
import Workspace

/// The reader's names, answered by the workspace's store: accounts by indexed look-ups of
/// their names and aliases (a line costs a few of them, however large the book), and the
/// CSMs and people read once per change.
final class WorkspaceNames: Names {
    unowned let context: Context
    private var csmList: [String]?
    private var peopleList: [String]?
    private var allKeys: [NameHit]?

    init(context: Context) { self.context = context }

    var user: String { context.user }

    /// Forget what was read: the workspace changed.
    func reset() {
        csmList = nil
        peopleList = nil
        allKeys = nil
    }

    func accounts(withKeys keys: [String]) throws -> [NameHit] {
        try context.store.accountKeys(in: keys).map(Self.hit)
    }

    func accounts(startingWith key: String, limit: Int) throws -> [NameHit] {
        try context.store.accountKeys(startingWith: key, limit: limit).map(Self.hit)
    }

    func countAccounts(startingWith key: String) throws -> Int {
        try context.store.countAccountKeys(startingWith: key)
    }

    func nearAccounts(_ key: String) throws -> [String] {
        if allKeys == nil { allKeys = try context.store.accountKeys().map(Self.hit) }
        return AccountNames.near(key, in: allKeys!)
    }

    func csms() throws -> [String] {
        if let csmList { return csmList }
        csmList = try context.store.csms()
        return csmList!
    }

    func people() throws -> [String] {
        if let peopleList { return peopleList }
        var people = try csms()
        for contact in try context.store.contacts() where !people.contains(contact.name) { people.append(contact.name) }
        peopleList = people
        return people
    }

    func metrics() throws -> [String] {
        context.model.rules.compactMap(\.name)
    }

    static func hit(_ key: AccountKey) -> NameHit {
        NameHit(account: AccountRef(id: key.accountID, name: key.name), key: key.key, isName: key.isName)
    }
}
