import Foundation

/// Turns a file into a checked ImportBatch. The whole file is read and every row checked
/// before anything is written; one bad value refuses the import and names its place.
public enum Importer {
    public struct Plan: Sendable {
        public var batch: ImportBatch
        public var kinds: [ImportKind]
        public var ignoredColumns: [String]
        public var rows: Int
        /// Snapshot rows dated inside a week, filed under the day that week ends.
        public var rowsMovedToWeekEnd = 0
        /// Every column of a file read through a map (a CRM's or mapping.yaml), as the file
        /// names it, with the cse column it became (nil: ignored); and the maps' names.
        public var columns: [(from: String, to: String?)] = []
        /// "Salesforce", "HubSpot", "mapping.yaml", or a built-in one and "mapping.yaml".
        public var mappingName: String?
        /// The lines of a report's footer set aside (`ReportFooter`).
        public var footerLines: [Int] = []
        /// A company's own revenue column ("Annual Revenue") in an accounts file that has no
        /// ARR column: the summary says which column to map instead.
        public var revenueColumn: String?
        /// Columns mapping.yaml names that the file has only under a near spelling (lowercased).
        public var unmatchedMapping: [(mapped: String, inFile: String)] = []
        /// Roles in a contacts file that are none of cse's, and how many contacts had one:
        /// those contacts are on record without a role.
        public var otherRoles: [String] = []
        public var contactsWithOtherRoles = 0
        /// Export columns read under another name.
        public var mapped: [(from: String, to: String)] {
            columns.compactMap { c in c.to.flatMap { $0 == c.from.lowercased() ? nil : (c.from, $0) } }
        }
        /// Metric columns a snapshots file does not carry: not tracked by it.
        public var untrackedFields: [SnapshotField] {
            kinds.contains(.snapshots) ? SnapshotField.allCases.filter { !batch.snapshotFields.contains($0) } : []
        }
    }

    /// What a row is checked against besides itself: the date today (nothing may come from
    /// a week that has not ended) and the day the workspace's weeks end.
    public struct Rules: Sendable {
        public var today: Day
        public var weekEnds: Weekday
        /// The offset from UTC of the day a timestamped event is filed under (`UsageRules`).
        public var utcOffsetMinutes: Int
        /// The workspace's mapping.yaml, if it has one.
        public var mapping: ColumnMapping?
        public init(today: Day, weekEnds: Weekday = .sunday, utcOffsetMinutes: Int = 0) {
            self.today = today
            self.weekEnds = weekEnds
            self.utcOffsetMinutes = utcOffsetMinutes
        }
    }

    /// A control character other than a tab or a line break: not text a person wrote.
    public static func isUnstorable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0x7F
    }

    /// Problems listed in full; past this many, the rest are counted.
    public static let problemLimit = 20

    /// `progress` hears how many rows have been read so far, and may throw to stop (Ctrl-C).
    public static func read(path: String, shownAs file: String, rules: Rules, progress: ((Int) throws -> Void)? = nil) throws -> Plan {
        let ext = (path as NSString).pathExtension.lowercased()
        if let layout = UsageReader.layout(path: path, ext: ext) {
            var batch = ImportBatch()
            batch.day = rules.today
            let usage = try UsageReader.read(path: path, layout: layout, file: file, rules: rules, progress: progress)
            batch.usage = usage
            return Plan(batch: batch, kinds: [usage.source == .events ? .productEvents : .dailyCounts], ignoredColumns: [],
                        rows: usage.rows + usage.withoutAccount + usage.notTrack)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 0, column: 0,
                message: exists ? (isDirectory.boolValue ? "is a folder, not a file" : "cannot be read (permissions?)") : "no such file")], rowsChecked: 0)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 1, column: 1,
                message: "is not UTF-8 text: save it from your spreadsheet as 'CSV UTF-8'")], rowsChecked: 0)
        }
        switch ext {
        case "yaml", "yml", "json": return try plan(tables: try YAMLTableReader.read(text, file: file), file: file, fullHeader: false, rules: rules)
        default: return try plan(tables: [try CSVTableReader.read(text, file: file, progress: progress)], file: file, fullHeader: true, rules: rules)
        }
    }

    /// A CSV must carry the whole header; YAML and JSON rows may leave keys out (missing data).
    /// A CRM export's columns are read under cse's names (`ColumnMapping.header`), its dates
    /// in its format, and then it needs only its account column (and a name for contacts).
    static func plan(tables: [Table], file: String, fullHeader: Bool, rules: Rules) throws -> Plan {
        var batch = ImportBatch()
        batch.day = rules.today
        var plan = Plan(batch: batch, kinds: [], ignoredColumns: [], rows: 0)
        var problems: [ImportProblem] = []
        var mappingNames: [String] = []
        for var table in tables {
            let original = table.columns
            let header = ColumnMapping.header(of: original, workspace: rules.mapping)
            let mapped = !header.mapNames.isEmpty
            table.columns = header.columns
            guard let kind = table.kind else {
                throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 1, column: 1,
                    message: "cannot tell what this file holds from its header (\(table.columns.joined(separator: ","))): "
                        + "an accounts file starts \(ImportKind.accounts.requiredColumns.joined(separator: ",")); "
                        + "a snapshots file has account,week and metric columns (dau, nps, …); an events file has account,date,event; "
                        + "a contacts file has account,name (email, title, role)")], rowsChecked: 0)
            }
            plan.kinds.append(kind)
            for name in header.mapNames where !mappingNames.contains(name) { mappingNames.append(name) }
            if mapped {
                for column in kind.dateColumns {
                    guard let i = table.index(of: column) else { continue }
                    for r in table.rows.indices {
                        table.rows[r].cells[i].text = ColumnMapping.isoDate(table.rows[r].cells[i].text, monthFirst: header.monthFirstDates)
                    }
                }
            }
            func shown(_ i: Int) -> String { i < table.headers.count ? table.headers[i] : original[i] }
            plan.unmatchedMapping += header.unmatched.map { ($0.mapped, original.firstIndex(of: $0.inFile).map(shown) ?? $0.inFile) }
            let required = fullHeader && !mapped || kind == .events || kind == .subscriptions ? kind.requiredColumns
                : (kind == .snapshots ? ["account", "week"] : ["account"])
            let missing = required.filter { table.index(of: $0) == nil }
            if !missing.isEmpty {
                throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 1, column: table.columns.count + 1,
                    message: "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) for a \(kind.rawValue) file")], rowsChecked: 0)
            }
            // A control character (a NUL from a broken export) cannot be stored the same on both
            // stores: refused where it stands, like any bad value.
            for row in table.rows {
                for cell in row.cells {
                    guard let bad = cell.text.unicodeScalars.first(where: Importer.isUnstorable) else { continue }
                    problems.append(ImportProblem(file: file, line: cell.line, column: cell.column,
                                                  message: "holds a control character (U+\(String(format: "%04X", bad.value))), which cannot be stored"))
                }
            }
            plan.rows += table.rows.count
            plan.footerLines += table.footerLines
            switch kind {
            case .accounts: readAccounts(table, file: file, rules: rules, into: &plan.batch, problems: &problems)
            case .snapshots:
                plan.rowsMovedToWeekEnd += readSnapshots(table, file: file, rules: rules, into: &plan.batch, problems: &problems)
                // Every numeric column may be the workspace's own (a warehouse's weekly event
                // counts): a file needs one metric, scored or not.
                if plan.batch.snapshotFields.isEmpty && plan.batch.customColumns.isEmpty {
                    throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 1, column: table.columns.count + 1,
                        message: "a snapshots file needs at least one metric column besides account and week: one cse scores (dau, licensed_users, … nps) "
                            + "or a column of numbers, kept as a metric of the workspace's own")], rowsChecked: 0)
                }
            case .events: readEvents(table, file: file, rules: rules, into: &plan.batch, problems: &problems)
            case .subscriptions: readSubscriptions(table, file: file, into: &plan.batch, problems: &problems)
            case .contacts:
                let other = readContacts(table, file: file, rules: rules, into: &plan.batch, problems: &problems)
                plan.contactsWithOtherRoles += other.count
                for role in other where !plan.otherRoles.contains(role) { plan.otherRoles.append(role) }
            case .productEvents, .dailyCounts: break
            }
            // What each column became: read under its cse name, or ignored.
            let known = Set(kind.header).union(ImportKind.derivedColumns).union(kind == .snapshots ? plan.batch.customColumns : [])
            let read = table.columns.map { known.contains($0) ? $0 : nil }
            plan.ignoredColumns += table.columns.indices.filter { read[$0] == nil && !table.columns[$0].isEmpty }.map(shown)
            if mapped { plan.columns += table.columns.indices.map { (shown($0), read[$0]) } }
            // A CRM record id is one more alias: it does not replace the names already known.
            if kind == .accounts, let i = table.index(of: AccountField.aliases.rawValue), header.decided.contains(i) { plan.batch.addAliases = true }
            if kind == .accounts, table.index(of: AccountField.arr.rawValue) == nil,
               let i = original.indices.first(where: { ColumnMapping.revenueColumns.contains(original[$0]) && !header.unread.contains($0) }) {
                plan.revenueColumn = shown(i)
            }
        }
        if !problems.isEmpty { throw ImportFailure(file: file, problems: problems, rowsChecked: plan.rows) }
        plan.mappingName = mappingNames.isEmpty ? nil : mappingNames.joined(separator: ", ")
        return plan
    }

    private static func readAccounts(_ table: Table, file: String, rules: Rules, into batch: inout ImportBatch, problems: inout [ImportProblem]) {
        let present = AccountField.allCases.filter { table.index(of: $0.rawValue) != nil }
        batch.accountFields.formUnion(present)
        var seen: [String: Int] = [:]
        for row in table.rows {
            func cell(_ f: AccountField) -> Table.Cell? { table.index(of: f.rawValue).map { row.cells[$0] } }
            func fail(_ c: Table.Cell, _ f: AccountField, _ message: String) {
                problems.append(ImportProblem(file: file, line: c.line, column: c.column, field: f.rawValue, message: message))
            }
            let nameCell = cell(.account)!
            let name = nameCell.text.trimmingSpaces
            if name.isEmpty { fail(nameCell, .account, "every row needs an account name"); continue }
            if let first = seen[name.comparable] {
                fail(nameCell, .account, "'\(name)' is already on line \(first)"); continue
            }
            seen[name.comparable] = row.line
            var account = Account(name: name)
            for field in present where field != .account {
                let c = cell(field)!
                do {
                    if let (role, contact) = try field.set(c.text, on: &account) {
                        batch.contacts.append((name, role, contact.map { var c = $0; c.recordedOn = rules.today; return c }))
                    }
                } catch {
                    fail(c, field, (error as? FieldProblem)?.message ?? "\(error)")
                }
            }
            if let (field, problem) = AccountField.problem(in: account), let c = cell(field) {
                fail(c, field, problem.message)
            }
            batch.accounts.append(account)
        }
    }

    /// `account,name[,email,title,role]` (or `first_name`, `last_name`): a CRM's contacts
    /// export, one person a row, many at an account. A role is one of cse's three or a synonym
    /// (`Role.named`); any other, or none, puts the person on record without a role. An
    /// account has one person in a role: a second is refused, as is a person listed twice.
    /// Returns the roles that were none of cse's, one a contact.
    private static func readContacts(_ table: Table, file: String, rules: Rules, into batch: inout ImportBatch, problems: inout [ImportProblem]) -> [String] {
        let index = { (name: String) in table.index(of: name) }
        let (a, n, first, last) = (index("account")!, index("name"), index("first_name"), index("last_name"))
        let (e, t, r) = (index("email"), index("title"), index("role"))
        var people: [String: Int] = [:]
        var roles: [String: (line: Int, name: String)] = [:]
        var other: [String] = []
        for row in table.rows {
            func text(_ i: Int?) -> String { i.map { row.cells[$0].text.trimmingSpaces } ?? "" }
            func fail(_ i: Int, _ field: String, _ message: String) {
                problems.append(ImportProblem(file: file, line: row.line, column: row.cells[i].column, field: field, message: message))
            }
            let account = text(a)
            if account.isEmpty { fail(a, "account", "every row needs an account name"); continue }
            let name = n.map { text($0) } ?? [text(first), text(last)].filter { !$0.isEmpty }.joined(separator: " ")
            let nameColumn = n ?? first ?? last!
            if name.isEmpty { fail(nameColumn, "name", "every row needs the person's name"); continue }
            let person = account.comparable + "\u{0}" + name.comparable
            if let line = people[person] { fail(nameColumn, "name", "\(name) at \(account) is already on line \(line)"); continue }
            people[person] = row.line
            let email = text(e)
            if let e, !email.isEmpty, !email.contains("@") || email.contains(" ") { fail(e, "email", "'\(email)' is not an e-mail address"); continue }
            let roleText = text(r)
            let role = Contact.Role.named(roleText)
            if let role, let r {
                let key = account.comparable + "\u{0}" + role.rawValue
                if let holder = roles[key] {
                    fail(r, "role", "\(account) already has a \(role.label) on line \(holder.line) (\(holder.name)): one person a role")
                    continue
                }
                roles[key] = (row.line, name)
            } else if !roleText.isEmpty {
                other.append(roleText)
            }
            let title = text(t)
            batch.contactRows.append((account, Contact(accountID: 0, role: role, name: name, title: title.isEmpty ? nil : title,
                                                        email: email.isEmpty ? nil : email, recordedOn: rules.today)))
        }
        return other
    }

    /// `account,date,event[,details,id]`: what a CRM's activity export holds; `id`, the
    /// CRM's record id, makes an edited row the same event. The event is one
    /// of the vocabulary `log` knows (SPEC.md section 3), synonyms included.
    private static func readEvents(_ table: Table, file: String, rules: Rules, into batch: inout ImportBatch, problems: inout [ImportProblem]) {
        let (accountIndex, dateIndex, eventIndex) = (table.index(of: "account")!, table.index(of: "date")!, table.index(of: "event")!)
        let detailsIndex = table.index(of: "details")
        let idIndex = table.index(of: "id")
        for row in table.rows {
            func fail(_ c: Table.Cell, _ field: String, _ message: String) {
                problems.append(ImportProblem(file: file, line: c.line, column: c.column, field: field, message: message))
            }
            let (nameCell, dateCell, eventCell) = (row.cells[accountIndex], row.cells[dateIndex], row.cells[eventIndex])
            let name = nameCell.text.trimmingSpaces
            if name.isEmpty { fail(nameCell, "account", "every row needs an account name") }
            var date = Day(iso: dateCell.text.trimmingSpaces)
            if date == nil { fail(dateCell, "date", "'\(dateCell.text)' is not a date: write YYYY-MM-DD") }
            if let d = date, d > rules.today {
                fail(dateCell, "date", "\(d) is after today (\(rules.today)): import what has happened")
                date = nil
            }
            let kind = EventKind.leading(eventCell.text).flatMap { $0.1.isEmpty ? $0.0 : nil }
            if kind == nil {
                fail(eventCell, "event", "'\(eventCell.text)' is not an event cse knows: " + EventKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard !name.isEmpty, let date, let kind else { continue }
            let details = detailsIndex.map { row.cells[$0].text.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
            var event = Event(accountID: 0, date: date, kind: kind.rawValue, details: details)
            event.sourceID = idIndex.map { row.cells[$0].text.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
            batch.events.append((name, event))
        }
    }

    /// `account,product,start_date,end_date,mrr[,quantity,units,bill_period_months,discount]`:
    /// a billing system's subscription export. An empty end_date is an open subscription;
    /// `discount` (a percent) comes off the MRR; quantity, units and the billing period are
    /// checked but do not change it, as `mrr` is already monthly.
    private static func readSubscriptions(_ table: Table, file: String, into batch: inout ImportBatch, problems: inout [ImportProblem]) {
        let index = { (name: String) in table.index(of: name) }
        let (a, p, s, e, m) = (index("account")!, index("product")!, index("start_date")!, index("end_date")!, index("mrr")!)
        let (q, b, d) = (index("quantity"), index("bill_period_months"), index("discount"))
        batch.subscriptions.reserveCapacity(table.rows.count)
        var profiles: [String: (start: Day, churn: Day?, open: Bool, arr: Int64, name: String)] = [:]
        var lastName = "", lastKey = ""
        for row in table.rows {
            var ok = true
            func fail(_ i: Int, _ field: String, _ message: String) {
                let c = row.cells[i]
                problems.append(ImportProblem(file: file, line: c.line, column: c.column, field: field, message: message))
                ok = false
            }
            let name = row.cells[a].text.trimmingSpaces
            if name.isEmpty { fail(a, "account", "every row needs an account name") }
            let product = row.cells[p].text.trimmingSpaces
            if product.isEmpty { fail(p, "product", "every row needs a product") }
            let start = Day(iso: row.cells[s].text.trimmingSpaces)
            if start == nil { fail(s, "start_date", "'\(row.cells[s].text)' is not a date: write YYYY-MM-DD") }
            let endText = row.cells[e].text.trimmingSpaces
            let end = endText.isEmpty ? nil : Day(iso: endText)
            if !endText.isEmpty && end == nil { fail(e, "end_date", "'\(endText)' is not a date: write YYYY-MM-DD, or leave it empty for an open subscription") }
            if let start, let end, end < start { fail(e, "end_date", "ends \(end), before it starts (\(start))") }
            var mrr: Money?
            do { mrr = try Money.checked(row.cells[m].text) } catch { fail(m, "mrr", (error as? FieldProblem)?.message ?? "\(error)") }
            if let q, !row.cells[q].text.trimmingSpaces.isEmpty, (Int(row.cells[q].text.trimmingSpaces) ?? -1) < 0 {
                fail(q, "quantity", "'\(row.cells[q].text)' is not a whole number ≥ 0")
            }
            if let b, !row.cells[b].text.trimmingSpaces.isEmpty, (Int(row.cells[b].text.trimmingSpaces) ?? 0) < 1 {
                fail(b, "bill_period_months", "'\(row.cells[b].text)' is not a whole number of months ≥ 1")
            }
            if let d, !row.cells[d].text.trimmingSpaces.isEmpty {
                let text = row.cells[d].text.trimmingSpaces.replacingOccurrences(of: "%", with: "")
                if let pct = Double(text), pct >= 0, pct <= 100, let list = mrr {
                    mrr = Money(cents: Int64((Double(list.cents) * (100 - pct) / 100).rounded()))
                } else {
                    fail(d, "discount", "'\(row.cells[d].text)' is not a percent from 0 to 100")
                }
            }
            guard ok, let start, let mrr else { continue }
            batch.subscriptions.append((name, Subscription(accountID: 0, product: product, start: start, end: end, mrr: mrr)))
            // Rows of one account come together: compare names once per account, not per row.
            if name != lastName { lastName = name; lastKey = name.comparable }
            let key = lastKey
            var profile = profiles[key] ?? (start, nil, false, 0, name)
            profile.start = min(profile.start, start)
            if let end { profile.churn = max(profile.churn ?? end, end) } else { profile.open = true; profile.arr += mrr.cents * 12 }
            profiles[key] = profile
        }
        for (_, p) in profiles { batch.ledgerProfiles[p.name] = (p.start, p.open ? nil : p.churn, Money(cents: p.arr)) }
    }

    /// Each row goes into the week that contains its date (weeks end on `rules.weekEnds`):
    /// a row dated on a Friday beside Sunday-ending weeks is that Sunday's week, not a week
    /// of its own. Returns how many rows were dated inside their week.
    private static func readSnapshots(_ table: Table, file: String, rules: Rules, into batch: inout ImportBatch, problems: inout [ImportProblem]) -> Int {
        let accountIndex = table.index(of: "account")!
        let weekIndex = table.index(of: "week")!
        let fieldIndices = SnapshotField.allCases.map { table.index(of: $0.rawValue) }
        batch.snapshotFields.formUnion(SnapshotField.allCases.filter { table.index(of: $0.rawValue) != nil })
        // Any other column whose every cell is a number (or empty) is a metric of the workspace's own.
        let known = Set(ImportKind.snapshots.header).union(ImportKind.derivedColumns)
        // A near miss of a known column ("licenced_users") is a typo to point out, not a metric.
        let custom = table.columns.indices.filter { i in
            !known.contains(table.columns[i]) && !table.columns[i].isEmpty
                && !known.contains { editDistance($0, table.columns[i], limit: 2) <= 2 } && table.rows.allSatisfy { row in
                let t = row.cells[i].text.trimmingSpaces
                return t.isEmpty || Double(t).map(\.isFinite) == true
            } && table.rows.contains { !$0.cells[i].text.trimmingSpaces.isEmpty }
        }
        batch.customColumns = custom.map { table.columns[$0] }
        var seen: [String: (line: Int, dated: Day)] = [:]
        var moved = 0
        batch.snapshots.reserveCapacity(batch.snapshots.count + table.rows.count)
        for row in table.rows {
            let nameCell = row.cells[accountIndex]
            let name = nameCell.text.trimmingSpaces
            let weekCell = row.cells[weekIndex]
            func fail(_ c: Table.Cell, _ field: String, _ message: String) {
                problems.append(ImportProblem(file: file, line: c.line, column: c.column, field: field, message: message))
            }
            var ok = true
            if name.isEmpty {
                fail(nameCell, "account", "every row needs an account name")
                ok = false
            }
            let dated = Day(iso: weekCell.text.trimmingSpaces)
            let week = dated?.weekEnd(on: rules.weekEnds)
            if dated == nil {
                fail(weekCell, "week", "'\(weekCell.text)' is not a date: write the day the week ends as YYYY-MM-DD")
                ok = false
            } else if let dated, let week, week > rules.today {
                let which = week == dated ? "the week ending \(week)" : "\(dated) is in the week ending \(week), which"
                fail(weekCell, "week", "\(which) has not ended yet (today is \(rules.today)): import a week once it is over")
                ok = false
            }
            var snapshot = Snapshot(accountID: 0, week: week ?? Day(ordinal: 0))
            for (field, index) in zip(SnapshotField.allCases, fieldIndices) {
                guard let index else { continue }
                let c = row.cells[index]
                switch field.parse(c.text) {
                case .success(let v): snapshot[field] = v
                case .failure(let p):
                    fail(c, field.rawValue, p.message)
                    ok = false
                }
            }
            if ok, let (field, p) = snapshot.crossFieldProblem() {
                let c = fieldIndices[field.index].map { row.cells[$0] } ?? weekCell
                fail(c, field.rawValue, p.message)
                ok = false
            }
            guard ok, let week, let dated else { continue }
            let key = name.comparable + "\u{0}" + week.description
            if let first = seen[key] {
                let same = first.dated == dated ? "\(name) week \(week) is already on line \(first.line)"
                    : "\(name): \(dated) and \(first.dated) (line \(first.line)) fall in the same week, ending \(week) (weeks end on \(rules.weekEnds.name.capitalized)) — one row a week"
                fail(weekCell, "week", same)
                continue
            }
            seen[key] = (row.line, dated)
            if dated != week { moved += 1 }
            batch.snapshots.append((name, snapshot))
            if !custom.isEmpty { batch.customValues.append(custom.map { Double(row.cells[$0].text.trimmingSpaces) }) }
        }
        return moved
    }
}
