/// A name or an alias of an account as typed names compare (`String.comparable`), as the
/// workspace indexes them (`account_key`): how a line finds the account it names.
public struct AccountKey: Equatable, Sendable {
    public var key: String
    public var accountID: Int64
    public var name: String
    /// The key is the account's name, not an alias.
    public var isName: Bool

    public init(key: String, accountID: Int64, name: String, isName: Bool) {
        self.key = key
        self.accountID = accountID
        self.name = name
        self.isName = isName
    }

    init(row: SQLRow) {
        self.init(key: row["key"], accountID: row["account_id"], name: row["name"], isName: (row["is_name"] as Int64) != 0)
    }

    /// The first key after every key that starts with `prefix` (keys compare byte by byte on
    /// both stores): the end of a prefix's range.
    static func after(_ prefix: String) -> String { prefix + "\u{10FFFF}" }
}
