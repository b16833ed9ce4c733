import GRDB

/// The workspace schema: one migrator, migrations named and append-only.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: accounts, contacts, snapshots, events, goals, subscriptions") { db in
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("aliases", .text).notNull().defaults(to: "")
                t.column("segment", .text)
                t.column("plan", .text)
                t.column("arr_cents", .integer)
                t.column("csm", .text)
                t.column("start_date", .text)
                t.column("renewal_date", .text)
                t.column("churn_date", .text)
                t.column("churn_reason", .text)
            }
            try db.create(table: "contact") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .cascade)
                t.column("role", .text).notNull()
                t.column("name", .text).notNull()
                t.column("title", .text)
                t.column("email", .text)
            }
            try db.create(table: "snapshot", options: [.withoutRowID]) { t in
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("week", .text).notNull()
                for field in SnapshotField.allCases {
                    t.column(field.rawValue, field == .execRelationship ? .text : .double)
                }
                t.primaryKey(["account_id", "week"])
            }
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .cascade)
                t.column("date", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("details", .text)
            }
            try db.create(table: "goal") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .cascade)
                t.column("objective", .text).notNull()
                t.column("metric", .text)
                t.column("baseline", .text)
                t.column("target", .text)
                t.column("due", .text)
                t.column("status", .text).notNull().defaults(to: "open")
            }
            try db.create(table: "subscription") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .cascade)
                t.column("product", .text).notNull()
                t.column("start_date", .text).notNull()
                t.column("end_date", .text)
                t.column("mrr_cents", .integer).notNull()
            }
        }
        migrator.registerMigration("v2: notes") { db in
            try db.create(table: "note") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .cascade)
                t.column("date", .text).notNull()
                t.column("text", .text).notNull()
            }
        }
        migrator.registerMigration("v3: success plans") { db in
            try db.alter(table: "goal") { t in
                t.add(column: "owner", .text)
                t.add(column: "result", .text)
            }
            try db.create(table: "milestone") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("due", .text)
                t.column("status", .text).notNull().defaults(to: "pending")
                t.column("done", .text)
            }
            try db.create(table: "use_case") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("status", .text).notNull().defaults(to: "not-started")
                t.column("go_live", .text)
            }
        }
        migrator.registerMigration("v4: when a contact was recorded and replaced") { db in
            try db.alter(table: "contact") { t in
                t.add(column: "recorded_on", .text)
                t.add(column: "replaced_on", .text)
            }
        }
        migrator.registerMigration("v5: product usage by day, and metrics of the workspace's own") { db in
            // Days are numbered from 1970-01-01 (`Day.ordinal`): millions of rows stay small.
            try db.execute(sql: """
                CREATE TABLE usage_event (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);
                CREATE TABLE usage_user (id INTEGER PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE, name TEXT NOT NULL, UNIQUE (account_id, name));
                CREATE TABLE user_day (account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE, day INTEGER NOT NULL,
                    user_id INTEGER NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (account_id, day, user_id)) WITHOUT ROWID;
                CREATE TABLE event_day (account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE, day INTEGER NOT NULL,
                    event_id INTEGER NOT NULL, count INTEGER NOT NULL, users INTEGER, from_events INTEGER NOT NULL,
                    PRIMARY KEY (account_id, day, event_id)) WITHOUT ROWID;
                CREATE TABLE usage_coverage (account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE, source TEXT NOT NULL,
                    first_day INTEGER NOT NULL, last_day INTEGER NOT NULL);
                CREATE INDEX usage_coverage_account ON usage_coverage (account_id);
                CREATE TABLE custom_metric (account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE, week TEXT NOT NULL,
                    name TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (account_id, week, name)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v6: tasks") { db in
            try db.create(table: "task") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .cascade)
                t.column("text", .text).notNull()
                t.column("due", .text)
                t.column("owner", .text)
                t.column("created", .text).notNull()
                t.column("done", .text)
                t.column("snoozed_until", .text)
                t.column("source", .text)
            }
        }
        migrator.registerMigration("v7: alert triage") { db in
            try db.create(table: "alert_state") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account_id", .integer).notNull().references("account", onDelete: .cascade)
                t.column("key", .text).notNull()
                t.column("first_seen", .text).notNull()
                t.column("acked", .text)
                t.column("snoozed_until", .text)
                t.uniqueKey(["account_id", "key"])
            }
        }
        return migrator
    }
}
