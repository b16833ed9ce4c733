import Shell
import Workspace

extension Context {
    /// A name or alias names one account: refuses `account`'s names when another account
    /// already answers to one of them (a line would match two accounts).
    func refuseNameClash(_ account: Account) throws {
        let mine = ([account.name] + account.aliases).map { ($0, $0.comparable) }
        for other in try accounts() where other.id != account.id {
            let theirs = Set(([other.name] + other.aliases).map(\.comparable))
            if let (clash, _) = mine.first(where: { theirs.contains($0.1) }) {
                throw CommandError(clash.comparable == other.name.comparable
                    ? "another account is already called \(other.name) — nothing changed"
                    : "'\(clash)' is already an alias of \(other.name): a name would match 2 accounts — nothing changed")
            }
        }
    }
}
