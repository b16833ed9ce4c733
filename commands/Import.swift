import Foundation
import Intents
import Scoring
import Shell
import Workspace

/// `import FILE`: accounts or weekly snapshots from CSV, YAML or JSON, all or nothing.
struct ImportCommand: Command {
    let spec = CommandSpec(
        name: "import",
        phrases: ["import {file}", "import from {file}", "load {file}", "导入 {file}", "导入{file}"],
        options: [OptionSpec("create", "--create", "creating new accounts", "and create new accounts", "新建客户")],
        usage: "import FILE [--create]",
        summary: "import accounts, weekly snapshots, events, a subscription ledger or product usage",
        details: """
            The kind is read from the header: accounts (account,segment,plan,arr,csm,start_date,renewal_date \
            [,aliases,churn_date,churn_reason,champion,executive_sponsor,technical_lead]) or snapshots \
            (account,week, and any of the 19 raw metrics: an empty cell is missing data, a column the file lacks is \
            not tracked by it — a stored week keeps its value) or events (account,date,event[,details], \
            the events 'log' knows; with the CRM's record id in an id column, an edited row is the same event, updated — without one, \
            an edited row is a new event) or subscriptions (account,product,start_date,end_date,mrr[,quantity,units,\
            bill_period_months,discount]; it replaces the ledger of the accounts it names) or contacts \
            (account,name[,email,title,role], one person a row, many at an account; role is champion, executive sponsor or \
            technical lead, and anyone else is on record without one; the same file again changes nothing). A CRM export is \
            read as it comes: Salesforce and HubSpot by their column names, anything else by the workspace's mapping.yaml \
            ("Export Column": cse_column, or ~ to leave it unread); a Salesforce report's footer is skipped. YAML and JSON take the rows \
            under accounts:, snapshots:, events: or subscriptions:, or the customer_health: form with a metrics: block. \
            Product usage comes as raw events — a CSV with account, user, event and timestamp columns \
            (group_id, user_id, event_type, event_time … are read too), or NDJSON: Segment track calls (account in \
            context.groupId or groupId) and Amplitude's export (event_type, user_id, event_time, groups) — or as daily \
            counts (account,date,event,count[,users]); model.yaml's usage: section says which events are core features, \
            conversations and activity. Re-importing a range of days replaces it for the accounts in the file. \
            A numeric snapshot column cse does not score is kept as a metric of the workspace's own. \
            Any bad value is reported as file:line:column and nothing is written. The same file again changes nothing \
            (the summary says what was already present); a file that changes rows updates them. A row naming an account \
            the workspace lacks creates it by its name, but a name near one it has (a letter off, or the same words) is \
            refused with both names: fix the file, add the name to the account's aliases, or import with --create.
            """,
        examples: ["import accounts.csv", "import ~/exports/snapshots.csv", "导入 data.yaml", "load health.json", "import segment-export.ndjson",
                   "import daily-usage.csv"],
        writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        let typed = request.text("file")!
        context.progress?.begin()
        defer { context.progress?.finish() }
        do {
            var rules = context.importRules
            rules.mapping = try context.columnMapping()
            let plan = try Importer.read(path: context.path(typed), shownAs: typed, rules: rules) { read in
                try Interrupt.check()
                context.progress?.update("checking \(typed)", done: read, total: nil)
            }
            guard !plan.batch.isEmpty else {
                // A night with nothing to export is a file with its header alone: not a failure.
                if plan.rows == 0 { return Message("imported \(typed): 0 rows — nothing changed (the file has its header and no rows)") }
                throw CommandError("\(typed): no rows to import")
            }
            var batch = plan.batch
            batch.createNearNames = request.flag("create")
            let summary = try context.store.apply(batch, by: context.author("import \(typed)")) { done, total in
                try Interrupt.check()
                context.progress?.update("importing \(typed)", done: done, total: total)
            }
            context.remember("import \(typed)", undo: summary.undo, change: summary.change)
            return ImportReport(file: typed, kinds: plan.kinds.map(\.rawValue), rows: plan.rows, ignoredColumns: plan.ignoredColumns,
                                untracked: plan.untrackedFields.map(\.rawValue),
                                movedToWeekEnd: plan.rowsMovedToWeekEnd, weekEnds: context.model.weekEnds, summary: summary,
                                usage: plan.batch.usage.map { UsageRead(batch: $0, offset: context.model.usage.offsetShown) }, custom: plan.batch.customColumns,
                                columns: plan.columns, mapped: plan.mapped, mappingName: plan.mappingName, footerLines: plan.footerLines, revenueColumn: plan.revenueColumn, unmatchedMapping: plan.unmatchedMapping,
                                otherRoles: plan.otherRoles, contactsWithOtherRoles: plan.contactsWithOtherRoles)
        } catch let error as CommandError where error == .interrupted {
            throw CommandError("import of \(typed) interrupted — nothing was written")
        } catch let refusal as NearNameRefusal {
            let n = refusal.pairs.count
            throw CommandError("\(typed): \(n == 1 ? "a name is" : "\(n) names are") not in the workspace but near an account \(n == 1 ? "it has" : "that it has") — nothing was imported",
                               details: refusal.pairs.prefix(Importer.problemLimit).map {
                                   "'\($0.given)' — did you mean \($0.existing)? ('set \($0.existing) aliases \(($0.aliases + [$0.given]).joined(separator: "; "))' makes it one)"
                               } + (n > Importer.problemLimit ? ["… and \(n - Importer.problemLimit) more"] : [])
                                 + ["fix the \(n == 1 ? "name" : "names") in the file, add \(n == 1 ? "it to the account's" : "each to its account's") aliases as above, "
                                    + "or import with --create to make \(n == 1 ? "it a new account" : "them new accounts")"])
        }
    }
}

struct ImportReport: Report {
    let file: String
    let kinds: [String]
    let rows: Int
    let ignoredColumns: [String]
    /// Metric columns a snapshots file leaves out: stored weeks keep them, new weeks lack them.
    let untracked: [String]
    /// Snapshot rows dated inside a week, filed under the day it ends.
    let movedToWeekEnd: Int
    let weekEnds: Weekday
    let summary: ImportSummary
    /// What an event import read.
    var usage: UsageRead? = nil
    /// Numeric snapshot columns kept as metrics of the workspace's own.
    var custom: [String] = []
    /// Every column of a file read through a map, with what it became (nil: ignored), and the maps.
    var columns: [(from: String, to: String?)] = []
    /// Those read under another name.
    var mapped: [(from: String, to: String)] = []
    var mappingName: String? = nil
    /// The lines of a report's footer set aside.
    var footerLines: [Int] = []
    /// A company's own revenue column in an accounts file without an ARR column.
    var revenueColumn: String? = nil
    /// Columns mapping.yaml names that the file has only under a near spelling.
    var unmatchedMapping: [(mapped: String, inFile: String)] = []
    /// Roles a contacts file gives that are none of cse's, and how many contacts had one.
    var otherRoles: [String] = []
    var contactsWithOtherRoles = 0

    enum Keys: String, CodingKey {
        case file, kinds, rows, accountsCreated = "accounts_created", accountsUpdated = "accounts_updated",
             snapshotsAdded = "snapshots_added", snapshotsUpdated = "snapshots_updated", contactsSet = "contacts_set",
             contactsAdded = "contacts_added", contactsUpdated = "contacts_updated", contactsUnchanged = "contacts_already_on_record",
             eventsAdded = "events_added", eventsUpdated = "events_updated", subscriptionsAdded = "subscriptions_added", subscriptionsReplaced = "subscriptions_replaced", createdByName = "created_by_name", ignoredColumns = "ignored_columns", untracked = "untracked_columns",
             movedToWeekEnd = "rows_moved_to_week_end", usage, custom = "custom_metrics", mapped = "mapped_columns", mapping,
             columns, footerLines = "footer_lines_skipped", revenueColumn = "revenue_column_not_arr", otherRoles = "other_roles", unmatchedMapping = "mapping_columns_misspelt",
             alreadyPresent = "already_present", changed
    }

    struct ColumnJSON: Encodable {
        var column: String
        var readAs: String?
        enum CodingKeys: String, CodingKey { case column, readAs = "read_as" }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(file, forKey: .file)
        try c.encode(kinds, forKey: .kinds)
        try c.encode(rows, forKey: .rows)
        try c.encode(summary.accountsCreated, forKey: .accountsCreated)
        try c.encode(summary.accountsUpdated, forKey: .accountsUpdated)
        try c.encode(summary.snapshotsAdded, forKey: .snapshotsAdded)
        try c.encode(summary.snapshotsUpdated, forKey: .snapshotsUpdated)
        try c.encode(summary.contactsSet, forKey: .contactsSet)
        try c.encode(summary.contactsAdded, forKey: .contactsAdded)
        try c.encode(summary.contactsUpdated, forKey: .contactsUpdated)
        try c.encode(summary.contactsUnchanged, forKey: .contactsUnchanged)
        try c.encode(summary.eventsAdded, forKey: .eventsAdded)
        try c.encode(summary.eventsUpdated, forKey: .eventsUpdated)
        try c.encode(summary.subscriptionsAdded, forKey: .subscriptionsAdded)
        try c.encode(summary.subscriptionsReplaced, forKey: .subscriptionsReplaced)
        try c.encode(summary.createdByName.count, forKey: .createdByName)
        try c.encode(summary.alreadyPresent, forKey: .alreadyPresent)
        try c.encode(summary.change != nil, forKey: .changed)
        try c.encode(ignoredColumns, forKey: .ignoredColumns)
        try c.encode(untracked, forKey: .untracked)
        try c.encode(movedToWeekEnd, forKey: .movedToWeekEnd)
        try c.encodeIfPresent(usage, forKey: .usage)
        try c.encode(custom, forKey: .custom)
        try c.encode(Dictionary(mapped.map { ($0.from, $0.to) }, uniquingKeysWith: { a, _ in a }), forKey: .mapped)
        try c.encode(mappingName, forKey: .mapping)
        try c.encode(columns.map { ColumnJSON(column: $0.from, readAs: $0.to) }, forKey: .columns)
        try c.encode(footerLines.count, forKey: .footerLines)
        try c.encode(revenueColumn, forKey: .revenueColumn)
        try c.encode(unmatchedMapping.map { ["mapping": $0.mapped, "file": $0.inFile] }, forKey: .unmatchedMapping)
        try c.encode(otherRoles, forKey: .otherRoles)
    }

    func render(into doc: inout Document) {
        var parts: [String] = []
        func count(_ n: Int, _ what: String) { if n > 0 { parts.append("\(grouped(n)) \(what)") } }
        count(summary.accountsCreated, summary.accountsCreated == 1 ? "account created" : "accounts created")
        count(summary.accountsUpdated, summary.accountsUpdated == 1 ? "account updated" : "accounts updated")
        count(summary.snapshotsAdded, summary.snapshotsAdded == 1 ? "week added" : "weeks added")
        count(summary.snapshotsUpdated, summary.snapshotsUpdated == 1 ? "week updated" : "weeks updated")
        count(summary.contactsSet, summary.contactsSet == 1 ? "contact set" : "contacts set")
        count(summary.contactsAdded, summary.contactsAdded == 1 ? "contact added" : "contacts added")
        count(summary.contactsUpdated, summary.contactsUpdated == 1 ? "contact updated" : "contacts updated")
        count(summary.eventsAdded, summary.eventsAdded == 1 ? "event added" : "events added")
        count(summary.eventsUpdated, summary.eventsUpdated == 1 ? "event updated" : "events updated")
        // Rows the workspace already held as given: an export imported again.
        var present: [String] = []
        func same(_ n: Int, _ what: String) { if n > 0 { present.append("\(grouped(n)) \(what)") } }
        same(summary.accountsUnchanged, summary.accountsUnchanged == 1 ? "account already up to date" : "accounts already up to date")
        same(summary.snapshotsUnchanged, summary.snapshotsUnchanged == 1 ? "week already present" : "weeks already present")
        same(summary.contactsUnchanged, summary.contactsUnchanged == 1 ? "contact already on record" : "contacts already on record")
        same(summary.eventsPresent, summary.eventsPresent == 1 ? "event already present" : "events already present")
        same(summary.subscriptionsUnchanged, summary.subscriptionsUnchanged == 1 ? "subscription already in the ledger" : "subscriptions already in the ledger")
        if summary.subscriptionsAdded > 0 {
            parts.append("ledger of \(grouped(summary.subscriptionsAdded)) subscription\(summary.subscriptionsAdded == 1 ? "" : "s")"
                + (summary.subscriptionsReplaced > 0 ? " (replacing \(grouped(summary.subscriptionsReplaced)))" : ""))
        }
        if let usage {
            let one = usage.batch.accounts.count == 1
            var what = usage.batch.source == .events
                ? "\(grouped(usage.batch.rows)) product event\(usage.batch.rows == 1 ? "" : "s") of \(grouped(usage.batch.users.count)) user\(usage.batch.users.count == 1 ? "" : "s")"
                : "\(grouped(usage.batch.rows)) daily count\(usage.batch.rows == 1 ? "" : "s")"
            what += " in \(grouped(usage.batch.accounts.count)) account\(one ? "" : "s"), \(grouped(usage.batch.events.count)) event name\(usage.batch.events.count == 1 ? "" : "s")"
            parts.insert(what, at: 0)
            if summary.usageUnchanged {
                parts = []
                present.append("days \(usage.batch.first) to \(usage.batch.last) (\(usage.offset)) already hold it")
            } else {
                parts.append("days \(usage.batch.first) to \(usage.batch.last) (\(usage.offset)) replaced" + (summary.usageDaysReplaced > 0 ? " (\(grouped(summary.usageDaysReplaced)) stored rows)" : ""))
            }
        }
        let changed = parts.isEmpty ? "nothing changed" : parts.joined(separator: ", ")
        doc.wrapped(text: "imported \(file): \(grouped(rows)) row\(rows == 1 ? "" : "s") — " + changed + (present.isEmpty ? "" : "; " + present.joined(separator: ", ")))
        // The rows counted above are the report's: its footer is not among them.
        if let first = footerLines.first, let last = footerLines.last {
            let lines = first == last ? "line \(first)" : "lines \(first)–\(last)"
            doc.wrapped(text: [Span("note: skipped the report's \(footerLines.count)-line footer (\(lines)): it is not rows of data", .dim)])
        }
        if let usage, usage.batch.withoutAccount > 0 {
            let one = usage.batch.withoutAccount == 1
            doc.wrapped(text: [Span("note: \(grouped(usage.batch.withoutAccount)) event\(one ? "" : "s") named no account (no groupId) and \(one ? "was" : "were") left out", .yellow)])
        }
        if let usage, usage.batch.notTrack > 0 {
            let one = usage.batch.notTrack == 1
            doc.wrapped(text: [Span("note: \(grouped(usage.batch.notTrack)) call\(one ? " was not a track call" : "s were not track calls") (identify, group, page …) and \(one ? "was" : "were") left out", .dim)])
        }
        let created = summary.createdByName
        if !created.isEmpty {
            let names = created.prefix(3).joined(separator: ", ") + (created.count > 3 ? ", …" : "")
            let one = created.count == 1
            let from = kinds.contains("subscriptions") ? "\(one ? "its name" : "their names") and what the ledger says (first start, churn, ARR)" : "\(one ? "its name" : "their names") alone"
            doc.wrapped(text: [Span("note: \(grouped(created.count)) account\(one ? "" : "s") (\(names)) \(one ? "was" : "were") not in the workspace and \(one ? "was" : "were") created from \(from); import an accounts file to add segment, plan and CSM", .yellow)])
        }
        if movedToWeekEnd > 0 {
            let one = movedToWeekEnd == 1
            doc.wrapped(text: [Span("note: \(grouped(movedToWeekEnd)) row\(one ? " was" : "s were") dated inside a week and went into the week that contains \(one ? "it" : "them"), which ends on \(weekEnds.name.capitalized) (model.yaml week_ends: sets the day)", .yellow)])
        }
        if !untracked.isEmpty {
            doc.wrapped(text: [Span("note: \(untracked.count) metric column\(untracked.count == 1 ? "" : "s") not in the file (\(untracked.joined(separator: ", "))): "
                                    + "weeks already stored keep their values; new weeks have them missing, and the score says what is missing", .dim)])
        }
        if !custom.isEmpty {
            doc.wrapped(text: [Span("note: \(custom.count == 1 ? "a column" : "\(custom.count) columns") cse does not score (\(custom.joined(separator: ", "))) \(custom.count == 1 ? "was" : "were") kept as \(custom.count == 1 ? "a metric" : "metrics") of the workspace's own: 'show' and 'trend ACCOUNT METRIC' show \(custom.count == 1 ? "it" : "them")", .dim)])
        }
        // An unknown column is named with the nearest known one, when one is near.
        let targets = ColumnMapping.targets
        func named(_ column: String) -> String {
            let key = column.lowercased().replacingOccurrences(of: " ", with: "_")
            guard let near = targets.min(by: { editDistance(key, $0) < editDistance(key, $1) }),
                  editDistance(key, near) <= max(1, min(3, key.count / 4)) else { return column }
            return "\(column) (did you mean \(near)?)"
        }
        let hint = " — map one in the workspace's mapping.yaml (\"Column Name\": cse_column) to read it"
        if let mappingName, !columns.isEmpty {
            // Every column, with what it became; the note after it counts those ignored.
            let names = mappingName.components(separatedBy: ", ")
            let crm = names.filter { $0 != ColumnMapping.fileName }
            let how = (crm.isEmpty ? "read" : "read as a \(crm.joined(separator: " and ")) export")
                + (names.contains(ColumnMapping.fileName) ? (crm.isEmpty ? "" : ",") + " with the workspace's mapping.yaml" : "")
            doc.wrapped(text: [Span("\(how): " + columns.map { c in c.to.map { "\(c.from) → \($0)" } ?? "\(named(c.from)) → ignored" }
                .joined(separator: ", "), .dim)])
            if !ignoredColumns.isEmpty {
                doc.wrapped(text: [Span("note: \(ignoredColumns.count == 1 ? "a column" : "\(ignoredColumns.count) columns") ignored" + hint, .yellow)])
            }
        } else if !ignoredColumns.isEmpty {
            doc.wrapped(text: [Span("note: ignored column\(ignoredColumns.count == 1 ? "" : "s") \(ignoredColumns.map(named).joined(separator: ", "))" + hint, .yellow)])
        }
        for (mapped, inFile) in unmatchedMapping {
            doc.wrapped(text: [Span("note: mapping.yaml names '\(mapped)', which this file does not have — it has '\(inFile)': "
                                    + "fix the spelling in mapping.yaml, or that column is read as if the map did not name it", .yellow)])
        }
        if let revenueColumn {
            doc.wrapped(text: [Span("note: \(revenueColumn) is the customer's own revenue, not ARR: map your ARR column in mapping.yaml "
                                    + "(\"Contract Value\": arr)", .yellow)])
        }
        if contactsWithOtherRoles > 0 {
            let one = contactsWithOtherRoles == 1
            doc.wrapped(text: [Span("note: \(grouped(contactsWithOtherRoles)) contact\(one ? " has a role" : "s have roles") cse does not use "
                                    + "(\(otherRoles.joined(separator: ", "))): on record without one — drafts go to the champion, executive sponsor "
                                    + "or technical lead ('set ACCOUNT champion NAME')", .yellow)])
        }
    }
}

/// What an event import read, for the report.
struct UsageRead: Encodable {
    let batch: UsageBatch
    /// The offset days were counted at.
    let offset: String

    enum Keys: String, CodingKey { case source, events = "rows", accounts, users, eventNames = "event_names", first = "first_day", last = "last_day", dayOffset = "days_at", withoutAccount = "without_account", notTrack = "not_track" }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(batch.source.rawValue, forKey: .source)
        try c.encode(batch.rows, forKey: .events)
        try c.encode(batch.accounts.count, forKey: .accounts)
        try c.encode(batch.users.count, forKey: .users)
        try c.encode(batch.events.count, forKey: .eventNames)
        try c.encode(batch.first, forKey: .first)
        try c.encode(batch.last, forKey: .last)
        try c.encode(offset, forKey: .dayOffset)
        try c.encode(batch.withoutAccount, forKey: .withoutAccount)
        try c.encode(batch.notTrack, forKey: .notTrack)
    }
}

/// 130000 → 130,000 (`Format.grouped`).
func grouped(_ n: Int) -> String { Format.grouped(n) }
