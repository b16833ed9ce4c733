/// The workspace schema: one list of migrations, named and append-only, for both stores.
/// A statement is written once; the words that differ between SQLite and PostgreSQL are
/// placeholders the dialect fills in. The list is recorded in `grdb_migrations`, the table
/// the first SQLite workspaces were migrated with, so those open unchanged.
enum Schema {
    struct Migration: Sendable {
        let name: String
        let statements: [String]
        /// Rows only Swift can compute, written after the statements.
        var backfill: (@Sendable (SQLSession) throws -> Void)? = nil
        /// Statements for one store, run after the shared ones, where the two cannot say a
        /// change the same way (SQLite cannot drop a NOT NULL: the table is built again).
        var only: [SQLDialect: [String]] = [:]
    }

    static let migrations: [Migration] = [
        Migration(name: "v1: accounts, contacts, snapshots, events, goals, subscriptions", statements: [
            """
            CREATE TABLE account (id {id}, name {text} NOT NULL UNIQUE, aliases {text} NOT NULL DEFAULT '', segment {text}, plan {text},
                arr_cents {int}, csm {text}, start_date {text}, renewal_date {text}, churn_date {text}, churn_reason {text})
            """,
            """
            CREATE TABLE contact (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, role {text} NOT NULL,
                name {text} NOT NULL, title {text}, email {text})
            """,
            "CREATE INDEX contact_on_account_id ON contact (account_id)",
            """
            CREATE TABLE snapshot (account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, week {text} NOT NULL,
                \(SnapshotField.allCases.map { "\($0.rawValue) \($0 == .execRelationship ? "{text}" : "{real}")" }.joined(separator: ", ")),
                PRIMARY KEY (account_id, week)) {without rowid}
            """,
            """
            CREATE TABLE event (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, date {text} NOT NULL,
                kind {text} NOT NULL, details {text})
            """,
            "CREATE INDEX event_on_account_id ON event (account_id)",
            """
            CREATE TABLE goal (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, objective {text} NOT NULL,
                metric {text}, baseline {text}, target {text}, due {text}, status {text} NOT NULL DEFAULT 'open')
            """,
            "CREATE INDEX goal_on_account_id ON goal (account_id)",
            """
            CREATE TABLE subscription (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, product {text} NOT NULL,
                start_date {text} NOT NULL, end_date {text}, mrr_cents {int} NOT NULL)
            """,
            "CREATE INDEX subscription_on_account_id ON subscription (account_id)",
        ]),
        Migration(name: "v2: notes", statements: [
            """
            CREATE TABLE note (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, date {text} NOT NULL,
                text {text} NOT NULL)
            """,
            "CREATE INDEX note_on_account_id ON note (account_id)",
        ]),
        Migration(name: "v3: success plans", statements: [
            "ALTER TABLE goal ADD COLUMN owner {text}",
            "ALTER TABLE goal ADD COLUMN result {text}",
            """
            CREATE TABLE milestone (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, name {text} NOT NULL,
                due {text}, status {text} NOT NULL DEFAULT 'pending', done {text})
            """,
            "CREATE INDEX milestone_on_account_id ON milestone (account_id)",
            """
            CREATE TABLE use_case (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, name {text} NOT NULL,
                status {text} NOT NULL DEFAULT 'not-started', go_live {text})
            """,
            "CREATE INDEX use_case_on_account_id ON use_case (account_id)",
        ]),
        Migration(name: "v4: when a contact was recorded and replaced", statements: [
            "ALTER TABLE contact ADD COLUMN recorded_on {text}",
            "ALTER TABLE contact ADD COLUMN replaced_on {text}",
        ]),
        // Days are numbered from 1970-01-01 (`Day.ordinal`): millions of rows stay small.
        Migration(name: "v5: product usage by day, and metrics of the workspace's own", statements: [
            "CREATE TABLE usage_event (id {key}, name {text} NOT NULL UNIQUE {nocase})",
            """
            CREATE TABLE usage_user (id {key}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, name {text} NOT NULL,
                UNIQUE (account_id, name))
            """,
            """
            CREATE TABLE user_day (account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, day {int} NOT NULL,
                user_id {int} NOT NULL, events {int} NOT NULL, PRIMARY KEY (account_id, day, user_id)) {without rowid}
            """,
            """
            CREATE TABLE event_day (account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, day {int} NOT NULL,
                event_id {int} NOT NULL, count {int} NOT NULL, users {int}, from_events {int} NOT NULL,
                PRIMARY KEY (account_id, day, event_id)) {without rowid}
            """,
            """
            CREATE TABLE usage_coverage (account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, source {text} NOT NULL,
                first_day {int} NOT NULL, last_day {int} NOT NULL)
            """,
            "CREATE INDEX usage_coverage_account ON usage_coverage (account_id)",
            """
            CREATE TABLE custom_metric (account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, week {text} NOT NULL,
                name {text} NOT NULL, value {real} NOT NULL, PRIMARY KEY (account_id, week, name)) {without rowid}
            """,
        ]),
        Migration(name: "v6: tasks", statements: [
            """
            CREATE TABLE task (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, text {text} NOT NULL,
                due {text}, owner {text}, created {text} NOT NULL, done {text}, snoozed_until {text}, source {text})
            """,
            "CREATE INDEX task_on_account_id ON task (account_id)",
        ]),
        Migration(name: "v7: alert triage", statements: [
            """
            CREATE TABLE alert_state (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, key {text} NOT NULL,
                first_seen {text} NOT NULL, acked {text}, snoozed_until {text}, UNIQUE (account_id, key))
            """,
        ]),
        // An account's change history outlives the account (an undone import), so no reference.
        Migration(name: "v8: who changed what, and when", statements: [
            "ALTER TABLE event ADD COLUMN author {text}",
            "ALTER TABLE note ADD COLUMN author {text}",
            "ALTER TABLE task ADD COLUMN author {text}",
            "ALTER TABLE goal ADD COLUMN author {text}",
            "CREATE TABLE change_log (id {id}, at {text} NOT NULL, user_name {text} NOT NULL, what {text} NOT NULL, records_only {int} NOT NULL)",
            """
            CREATE TABLE change_account (change_id {int} NOT NULL REFERENCES change_log(id) ON DELETE CASCADE, account_id {int} NOT NULL,
                PRIMARY KEY (change_id, account_id))
            """,
            "CREATE INDEX change_account_on_account ON change_account (account_id)",
        ]),
        // Each account's name and aliases as typed names compare (`comparable`): finding the
        // account a command names is one indexed look-up, not a read of the whole book.
        Migration(name: "v9: account names as typed", statements: [
            """
            CREATE TABLE account_key (key {text} NOT NULL, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                is_name {int} NOT NULL, PRIMARY KEY (key, account_id))
            """,
            "CREATE INDEX account_key_on_account ON account_key (account_id)",
        ], backfill: { s in try s.writeKeys(s.fetchAll(Account.self)) }),
        // What the book's lists show of each account, computed once for a model and a day
        // (`basis`) and kept until a change touches the account (`stamp` counts those):
        // derived, never copied, rebuilt when missing. No reference: an undone import's
        // accounts leave rows nobody reads.
        Migration(name: "v10: account summaries", statements: [
            "CREATE TABLE account_summary (account_id {int} PRIMARY KEY, stamp {int} NOT NULL, basis {text} NOT NULL, body {text} NOT NULL, details {text} NOT NULL)",
        ]),
        // What ranks each alert of a summary and says which it is (`StoredSummary.alerts`),
        // kept in the narrow row with the stamp and the basis; the bodies in a table of their
        // own, gone with their account: `alerts` on a terminal reads those rows alone, not
        // 100,000 bodies. A deleted account's narrow row stays, with its stamp
        // (`WorkspaceStore.bookStamp` never goes back). Derived, so the summaries kept before
        // are dropped and computed again.
        Migration(name: "v11: summary bodies apart, alerts beside the basis, kept answers", statements: [
            "DROP TABLE account_summary",
            "CREATE TABLE account_summary (account_id {int} PRIMARY KEY, stamp {int} NOT NULL, basis {text} NOT NULL, alerts {text} NOT NULL DEFAULT '')",
            """
            CREATE TABLE summary_body (account_id {int} PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE, body {text} NOT NULL,
                details {text} NOT NULL)
            """,
            // A book-wide answer kept for the book as it was (`WorkspaceStore.bookStamp`) and a
            // basis: read again while neither has moved. Derived, like the summaries.
            "CREATE TABLE kept_answer (name {text} PRIMARY KEY, basis {text} NOT NULL, book {text} NOT NULL, body {text} NOT NULL)",
        ]),
        // The summaries of a basis counted, and those of any other found, without reading
        // every row: after a change, a few are out of date among 100,000.
        Migration(name: "v12: summaries by basis", statements: [
            "CREATE INDEX account_summary_on_basis ON account_summary (basis)",
        ]),
        // What the portfolio review reads of each account (`StoredSummary.review`), kept in the
        // narrow row like the alerts' heads: the review of 100,000 accounts reads those rows,
        // not the bodies and the events. Derived: the summaries kept before are computed again
        // (their basis names the summary's format).
        Migration(name: "v13: the review's row beside the basis", statements: [
            "ALTER TABLE account_summary ADD COLUMN review {text} NOT NULL DEFAULT ''",
        ]),
        // The CSMs a line may name, found by stepping through an index of the column (one
        // look-up a CSM), not by reading 100,000 accounts for every line after a change.
        Migration(name: "v14: accounts by CSM", statements: [
            "CREATE INDEX account_on_csm ON account (csm)",
        ]),
        // The id a CRM gives an activity, when its export has one: an edited row is the same
        // event, updated, not a second one.
        Migration(name: "v15: events by the source's record id", statements: [
            "ALTER TABLE event ADD COLUMN source_id {text}",
            "CREATE INDEX event_on_source_id ON event (account_id, source_id)",
        ]),
        // A CRM's contacts export lists people without one of the three roles: they are on
        // record with none (a NULL role). Ids are kept, so undo and the change log still find them.
        Migration(name: "v16: contacts without a role", statements: [], only: [
            .postgres: ["ALTER TABLE contact ALTER COLUMN role DROP NOT NULL"],
            .sqlite: [
                """
                CREATE TABLE contact_v16 (id {id}, account_id {int} NOT NULL REFERENCES account(id) ON DELETE CASCADE, role {text},
                    name {text} NOT NULL, title {text}, email {text}, recorded_on {text}, replaced_on {text})
                """,
                """
                INSERT INTO contact_v16 (id, account_id, role, name, title, email, recorded_on, replaced_on)
                    SELECT id, account_id, role, name, title, email, recorded_on, replaced_on FROM contact
                """,
                "DROP TABLE contact",
                "ALTER TABLE contact_v16 RENAME TO contact",
                "CREATE INDEX contact_on_account_id ON contact (account_id)",
            ],
        ]),
        // Which open alerts each person has seen: "new since the last look" is theirs, not the
        // workspace's. Gone with the alert's state (acknowledged and cleared, or quiet again).
        Migration(name: "v17: each person's look at the alerts", statements: [
            """
            CREATE TABLE alert_look (alert_id {int} NOT NULL REFERENCES alert_state(id) ON DELETE CASCADE, user_name {text} NOT NULL,
                seen {text} NOT NULL, PRIMARY KEY (user_name, alert_id))
            """,
            "CREATE INDEX alert_look_on_alert ON alert_look (alert_id)",
        ]),
    ]

    /// A statement in a dialect's words.
    static func sql(_ statement: String, _ dialect: SQLDialect) -> String {
        let words: [String: String] = switch dialect {
        case .sqlite: ["{id}": "INTEGER PRIMARY KEY AUTOINCREMENT", "{key}": "INTEGER PRIMARY KEY", "{int}": "INTEGER",
                       "{real}": "REAL", "{text}": "TEXT", "{nocase}": "COLLATE NOCASE", "{without rowid}": "WITHOUT ROWID"]
        // Text compares byte by byte, as in SQLite, whatever the server's locale.
        case .postgres: ["{id}": "BIGSERIAL PRIMARY KEY", "{key}": "BIGSERIAL PRIMARY KEY", "{int}": "BIGINT",
                         "{real}": "DOUBLE PRECISION", "{text}": "TEXT COLLATE \"C\"", "{nocase}": "", "{without rowid}": ""]
        }
        var sql = statement
        for (word, replacement) in words { sql = sql.replacingOccurrences(of: word, with: replacement) }
        return sql
    }

    static let table = "grdb_migrations"

    /// The migrations a database has not had yet, read without waiting for any writer.
    static func pending(_ database: SQLDatabase) throws -> [Migration] {
        let done: Set<String> = try database.read { s in
            guard try hasTable(s) else { return [] }
            return Set(try s.rows("SELECT identifier FROM \(table)").map { $0[0] as String })
        }
        return migrations.filter { !done.contains($0.name) }
    }

    /// Brings a database up to date, in one write (`pending`, when the caller has just read it).
    static func migrate(_ database: SQLDatabase, pending known: [Migration]? = nil) throws {
        guard !(try known ?? pending(database)).isEmpty else { return }
        try database.write { s in
            try s.execute("CREATE TABLE IF NOT EXISTS \(table) (identifier TEXT NOT NULL PRIMARY KEY)")
            let done = Set(try s.rows("SELECT identifier FROM \(table)").map { $0[0] as String })
            for migration in migrations where !done.contains(migration.name) {
                for statement in migration.statements + (migration.only[s.dialect] ?? []) { try s.execute(sql(statement, s.dialect), []) }
                try migration.backfill?(s)
                try s.execute("INSERT INTO \(table) (identifier) VALUES (?)", migration.name)
            }
        }
    }

    static func hasTable(_ s: SQLSession) throws -> Bool {
        switch s.dialect {
        case .sqlite: return try s.row("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", table) != nil
        // The catalog, not information_schema: its views cost a new session ~10 ms.
        case .postgres: return try s.row("SELECT 1 WHERE to_regclass(?) IS NOT NULL", table) != nil
        }
    }
}
