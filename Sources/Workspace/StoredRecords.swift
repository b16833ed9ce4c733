import GRDB

// How each record maps to its table, the same in both stores. GRDB's persistence container
// encodes a record's columns; `init(row:)` decodes a row from either store.

extension Day {
    init?(column value: DatabaseValue) {
        guard let text = String.fromDatabaseValue(value) else { return nil }
        self.init(iso: text)
    }
}

/// A record with a row id, stored in its own table by either store.
public protocol StoredRecord: MutablePersistableRecord {
    var id: Int64? { get set }
    init(row: SQLRow)
}

/// A record that belongs to one account (all but the account itself).
public protocol AccountRecord: StoredRecord {
    var accountID: Int64 { get }
}

extension Contact: AccountRecord {}
extension Event: AccountRecord {}
extension Note: AccountRecord {}
extension Goal: AccountRecord {}
extension Milestone: AccountRecord {}
extension UseCase: AccountRecord {}
extension CSMTask: AccountRecord {}
extension AlertState: AccountRecord {}
extension Subscription: AccountRecord {}

extension SQLSession {
    func fetchAll<R: StoredRecord>(_ type: R.Type, _ clause: String = "", _ arguments: DatabaseValueConvertible?...) throws -> [R] {
        try rows("SELECT * FROM \(R.databaseTableName) \(clause)", arguments.map { $0?.databaseValue ?? .null }).map(R.init(row:))
    }

    func fetch<R: StoredRecord>(_ type: R.Type, id: Int64?) throws -> R? {
        guard let id else { return nil }
        return try rows("SELECT * FROM \(R.databaseTableName) WHERE id = ?", [id.databaseValue]).first.map(R.init(row:))
    }

    /// Inserts a record (with its id when it has one, as undo puts a record back) and sets its id.
    func insert<R: StoredRecord>(_ record: inout R) throws {
        let columns = try record.databaseDictionary.filter { $0.key != "id" || !$0.value.isNull }.sorted { $0.key < $1.key }
        let sql = "INSERT INTO \(R.databaseTableName) (\(columns.map(\.key).joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", "))) RETURNING id"
        record.id = try insert(sql, columns.map(\.value))
    }

    /// Inserts new records (no ids) in as few statements as the database allows, and sets their ids.
    func insert<R: StoredRecord>(_ records: inout [R]) throws {
        guard !records.isEmpty else { return }
        let columns = try records[0].databaseDictionary.keys.filter { $0 != "id" }.sorted()
        let rows = try records.map { record in
            let values = try record.databaseDictionary
            return columns.map { values[$0] ?? .null }
        }
        for (i, id) in try insertReturningIDs(into: R.databaseTableName, columns: columns, rows: rows).enumerated() { records[i].id = id }
    }

    func update<R: StoredRecord>(_ record: R) throws {
        let columns = try record.databaseDictionary.filter { $0.key != "id" }.sorted { $0.key < $1.key }
        let sql = "UPDATE \(R.databaseTableName) SET \(columns.map { "\($0.key) = ?" }.joined(separator: ", ")) WHERE id = ?"
        try execute(sql, columns.map(\.value) + [record.id.databaseValue])
    }

    /// Sets the names these accounts are found by: name and aliases, as typed names compare.
    func writeKeys(_ accounts: [Account]) throws {
        let ids = accounts.compactMap(\.id)
        for start in stride(from: 0, to: ids.count, by: 500) {
            try execute("DELETE FROM account_key WHERE account_id IN (\(ids[start..<min(start + 500, ids.count)].map(String.init).joined(separator: ",")))", [])
        }
        var rows: [[DatabaseValue]] = []
        for account in accounts {
            guard let id = account.id else { continue }
            let name = account.name.comparable
            var seen: Set<String> = [name]
            rows.append([name.databaseValue, id.databaseValue, 1.databaseValue])
            for alias in account.aliases.map(\.comparable) where !alias.isEmpty && seen.insert(alias).inserted {
                rows.append([alias.databaseValue, id.databaseValue, 0.databaseValue])
            }
        }
        try insertMany(into: "account_key", columns: ["key", "account_id", "is_name"], rows: rows)
    }

    func delete<R: StoredRecord>(_ type: R.Type, id: Int64) throws {
        try execute("DELETE FROM \(R.databaseTableName) WHERE id = ?", [id.databaseValue])
    }
}

extension Account: StoredRecord {
    public static let databaseTableName = "account"

    public init(row: SQLRow) {
        self.init(
            id: row["id"],
            name: row["name"],
            aliases: (row["aliases"] as String? ?? "").split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty },
            segment: (row["segment"] as String?).flatMap(Segment.init(rawValue:)),
            plan: row["plan"],
            arr: (row["arr_cents"] as Int64?).map(Money.init(cents:)),
            csm: row["csm"],
            startDate: Day(column: row["start_date"]),
            renewalDate: Day(column: row["renewal_date"]),
            churnDate: Day(column: row["churn_date"]),
            churnReason: row["churn_reason"])
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["name"] = name
        container["aliases"] = aliases.joined(separator: "; ")
        container["segment"] = segment?.rawValue
        container["plan"] = plan
        container["arr_cents"] = arr?.cents
        container["csm"] = csm
        container["start_date"] = startDate?.description
        container["renewal_date"] = renewalDate?.description
        container["churn_date"] = churnDate?.description
        container["churn_reason"] = churnReason
    }
}

extension Contact: StoredRecord {
    public static let databaseTableName = "contact"

    public init(row: SQLRow) {
        self.init(id: row["id"], accountID: row["account_id"], role: (row["role"] as String?).flatMap(Role.init(rawValue:)),
                  name: row["name"], title: row["title"], email: row["email"], recordedOn: Day(column: row["recorded_on"]), replacedOn: Day(column: row["replaced_on"]))
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["account_id"] = accountID
        container["role"] = role?.rawValue
        container["name"] = name
        container["title"] = title
        container["email"] = email
        container["recorded_on"] = recordedOn?.description
        container["replaced_on"] = replacedOn?.description
    }
}

extension Event: StoredRecord {
    public static let databaseTableName = "event"

    public init(row: SQLRow) {
        self.init(id: row["id"], accountID: row["account_id"], date: Day(column: row["date"]) ?? Day(ordinal: 0),
                  kind: row["kind"], details: row["details"])
        author = row["author"]
        sourceID = row["source_id"]
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["account_id"] = accountID
        container["date"] = date.description
        container["kind"] = kind
        container["details"] = details
        container["author"] = author
        container["source_id"] = sourceID
    }
}

extension Note: StoredRecord {
    public static let databaseTableName = "note"

    public init(row: SQLRow) {
        self.init(id: row["id"], accountID: row["account_id"], date: Day(column: row["date"]) ?? Day(ordinal: 0), text: row["text"])
        author = row["author"]
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["account_id"] = accountID
        container["date"] = date.description
        container["text"] = text
        container["author"] = author
    }
}

extension Goal: StoredRecord {
    public static let databaseTableName = "goal"

    public init(row: SQLRow) {
        self.init(id: row["id"], accountID: row["account_id"], objective: row["objective"], metric: row["metric"],
                  baseline: row["baseline"], target: row["target"], due: Day(column: row["due"]), status: row["status"],
                  owner: row["owner"], result: row["result"])
        author = row["author"]
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["account_id"] = accountID
        container["objective"] = objective
        container["metric"] = metric
        container["baseline"] = baseline
        container["target"] = target
        container["due"] = due?.description
        container["status"] = status
        container["owner"] = owner
        container["result"] = result
        container["author"] = author
    }
}

extension Milestone: StoredRecord {
    public static let databaseTableName = "milestone"

    public init(row: SQLRow) {
        self.init(id: row["id"], accountID: row["account_id"], name: row["name"], due: Day(column: row["due"]),
                  status: Status(rawValue: row["status"]) ?? .pending, done: Day(column: row["done"]))
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["account_id"] = accountID
        container["name"] = name
        container["due"] = due?.description
        container["status"] = status.rawValue
        container["done"] = done?.description
    }
}

extension CSMTask: StoredRecord {
    public static let databaseTableName = "task"

    public init(row: SQLRow) {
        self.init(id: row["id"], accountID: row["account_id"], text: row["text"], due: Day(column: row["due"]), owner: row["owner"],
                  created: Day(column: row["created"]) ?? Day(ordinal: 0), done: Day(column: row["done"]),
                  snoozedUntil: Day(column: row["snoozed_until"]), source: row["source"])
        author = row["author"]
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["account_id"] = accountID
        container["text"] = text
        container["due"] = due?.description
        container["owner"] = owner
        container["created"] = created.description
        container["done"] = done?.description
        container["snoozed_until"] = snoozedUntil?.description
        container["source"] = source
        container["author"] = author
    }
}

extension AlertState: StoredRecord {
    public static let databaseTableName = "alert_state"

    public init(row: SQLRow) {
        self.init(id: row["id"], accountID: row["account_id"], key: row["key"], firstSeen: Day(column: row["first_seen"]) ?? Day(ordinal: 0),
                  acked: Day(column: row["acked"]), snoozedUntil: Day(column: row["snoozed_until"]))
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["account_id"] = accountID
        container["key"] = key
        container["first_seen"] = firstSeen.description
        container["acked"] = acked?.description
        container["snoozed_until"] = snoozedUntil?.description
    }
}

extension UseCase: StoredRecord {
    public static let databaseTableName = "use_case"

    public init(row: SQLRow) {
        self.init(id: row["id"], accountID: row["account_id"], name: row["name"], status: Status(rawValue: row["status"]) ?? .notStarted,
                  goLive: Day(column: row["go_live"]))
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["account_id"] = accountID
        container["name"] = name
        container["status"] = status.rawValue
        container["go_live"] = goLive?.description
    }
}

extension Subscription: StoredRecord {
    public static let databaseTableName = "subscription"

    public init(row: SQLRow) {
        self.init(id: row["id"], accountID: row["account_id"], product: row["product"], start: Day(column: row["start_date"]) ?? Day(ordinal: 0),
                  end: Day(column: row["end_date"]), mrr: Money(cents: row["mrr_cents"]))
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["account_id"] = accountID
        container["product"] = product
        container["start_date"] = start.description
        container["end_date"] = end?.description
        container["mrr_cents"] = mrr.cents
    }
}

extension Snapshot {
    /// Column list in table order, for the prepared statements of the store.
    static let columns = ["account_id", "week"] + SnapshotField.allCases.map(\.rawValue)

    /// What makes an insert replace a week the account already has.
    static let upsertSuffix = "ON CONFLICT(account_id, week) DO UPDATE SET "
        + SnapshotField.allCases.map { "\($0.rawValue) = excluded.\($0.rawValue)" }.joined(separator: ", ")

    init(row: SQLRow) {
        var values = [Double?](repeating: nil, count: SnapshotField.allCases.count)
        for (i, field) in SnapshotField.allCases.enumerated() {
            if field == .execRelationship {
                if let text = row[i + 2] as String? { values[i] = ExecRelationship(rawValue: text)?.level }
            } else {
                values[i] = row[i + 2]
            }
        }
        self.init(accountID: row[0], week: Day(iso: row[1]) ?? Day(ordinal: 0), values: values)
    }

    var arguments: [DatabaseValue] {
        var args: [DatabaseValue] = [accountID.databaseValue, week.description.databaseValue]
        for field in SnapshotField.allCases {
            let value = self[field]
            if field == .execRelationship {
                args.append(value.map { ExecRelationship(level: $0).rawValue }.databaseValue)
            } else {
                args.append(value.databaseValue)
            }
        }
        return args
    }
}
