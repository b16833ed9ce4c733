import Foundation
import Yams

/// How a CRM export's columns are named in cse: the built-in maps for Salesforce and
/// HubSpot exports (by their default column names), and the workspace's own `mapping.yaml`
/// for anything else (`"Account Name": account`, `"Annual Revenue": ~` to leave one unread).
/// A map applies to a file whose header has one of its columns; the workspace's decides
/// every column it names (`header(of:workspace:)`).
public struct ColumnMapping: Equatable, Sendable {
    public var name: String
    /// Lowercased export column → cse column.
    public var renames: [String: String]
    /// Lowercased export columns the map leaves unread (`~`, `null` or `ignore` in mapping.yaml).
    public var ignored: Set<String> = []
    /// Dates written month/day/year (a US-locale Salesforce report).
    public var monthFirstDates = false
    /// Lowercased export column → cse column, read only when no other column gives it: a
    /// CRM's account owner is the CSM only when the export has no CSM column of its own.
    public var fallbacks: [String: String] = [:]

    public init(name: String, renames: [String: String], fallbacks: [String: String] = [:], ignored: Set<String> = [], monthFirstDates: Bool = false) {
        self.name = name
        self.renames = Dictionary(renames.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.fallbacks = Dictionary(fallbacks.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.ignored = Set(ignored.map { $0.lowercased() })
        self.monthFirstDates = monthFirstDates
    }

    // "Annual Revenue" is the customer company's own revenue (what it earns), not what it
    // pays: neither map reads it as ARR (`revenueColumns`).
    public static let salesforce = ColumnMapping(name: "Salesforce", renames: [
        "Account Name": "account", "Account ID": "aliases",
        "Customer Success Manager": "csm", "CSM": "csm", "Customer Success Owner": "csm",
        "Customer Since": "start_date", "Contract End Date": "renewal_date", "Renewal Date": "renewal_date",
        "Churn Date": "churn_date", "Churn Reason": "churn_reason",
        "Name": "account", "Id": "aliases",
        "Full Name": "name", "First Name": "first_name", "Last Name": "last_name", "Contact Role": "role",
    ], fallbacks: ["Account Owner": "csm"], monthFirstDates: true)

    public static let hubspot = ColumnMapping(name: "HubSpot", renames: [
        "Company name": "account", "Record ID": "aliases",
        "Customer Success Manager": "csm", "CSM": "csm", "Customer Success Owner": "csm",
        "Became a Customer Date": "start_date", "Renewal Date": "renewal_date", "Churn Date": "churn_date", "Churn Reason": "churn_reason",
        "First Name": "first_name", "Last Name": "last_name", "Job Title": "title",
    ], fallbacks: ["Company owner": "csm"])

    /// A company's own yearly revenue, as Salesforce and HubSpot name it.
    public static let revenueColumns: Set<String> = ["annual revenue", "annualrevenue"]

    /// The built-in map a header calls for: each is known by its name column.
    public static func builtIn(for columns: [String]) -> ColumnMapping? {
        let set = Set(columns.map { $0.lowercased() })
        if set.contains("company name") { return hubspot }
        if set.contains("account name") || (set.contains("name") && set.contains("annualrevenue")) { return salesforce }
        return nil
    }

    /// What a header's columns become: a cse column, or nil when left unread.
    public struct Header: Sendable {
        /// Each column's cse name ("" when a map leaves it unread, or another column has its name).
        public var columns: [String]
        /// The columns a map renamed or left unread, by position.
        public var decided: Set<Int> = []
        /// The columns the workspace's map leaves unread on purpose (`~`).
        public var unread: Set<Int> = []
        /// The built-in map the header called for, and whether the workspace's map named a column.
        public var builtIn: ColumnMapping?
        public var usedWorkspace = false
        /// Columns the workspace's map names that the file has only under a near spelling
        /// (lowercased: the map's, the file's).
        public var unmatched: [(mapped: String, inFile: String)] = []

        /// The maps that read the file: "Salesforce", "mapping.yaml", both, or none.
        public var mapNames: [String] { [builtIn?.name, usedWorkspace ? fileName : nil].compactMap { $0 } }

        /// Dates are read as the export writes them: a Salesforce report's month/day/year in
        /// every date column, whichever map named it.
        public var monthFirstDates: Bool { builtIn?.monthFirstDates ?? false }
    }

    /// The names a file's columns (lowercased) are read under. The workspace's map decides the
    /// columns it names; a column already named as cse names it comes next; a built-in rename
    /// applies only to a cse column nobody has taken. A column a higher one has taken is unread.
    public static func header(of columns: [String], workspace: ColumnMapping?) -> Header {
        let builtIn = builtIn(for: columns)
        var header = Header(columns: columns, builtIn: builtIn)
        var taken = Set<String>()
        var open = Set(columns.indices)
        for i in columns.indices {
            if workspace?.ignored.contains(columns[i]) == true {
                header.columns[i] = ""
                header.unread.insert(i)
            } else if let to = workspace?.renames[columns[i]] {
                header.columns[i] = taken.insert(to).inserted ? to : ""
            } else { continue }
            header.decided.insert(i)
            header.usedWorkspace = true
            open.remove(i)
        }
        for i in open.sorted() where targets.contains(columns[i]) {
            if !taken.insert(columns[i]).inserted { header.columns[i] = "" }
            open.remove(i)
        }
        for renames in [builtIn?.renames, builtIn?.fallbacks] {
            for i in open.sorted() {
                guard let to = renames?[columns[i]], taken.insert(to).inserted else { continue }
                header.columns[i] = to
                header.decided.insert(i)
                open.remove(i)
            }
        }
        // A column the workspace's map names that the file has only misspelt: said, since the
        // column it meant is then read otherwise or not at all. (A map may name the columns of
        // several exports: one the file lacks altogether is not a slip.)
        for key in (workspace.map { Array($0.renames.keys) + Array($0.ignored) } ?? []).sorted() where !columns.contains(key) {
            if let near = columns.first(where: { editDistance(key, $0, limit: 3) <= max(1, min(3, key.count / 6)) }) {
                header.unmatched.append((key, near))
            }
        }
        return header
    }

    /// Every column a file may map to.
    public static let targets = Set(ImportKind.accounts.header + ImportKind.snapshots.header + ImportKind.events.header
        + ImportKind.subscriptions.header + ImportKind.contacts.header)

    public static let fileName = "mapping.yaml"

    /// mapping.yaml: a mapping of export column to cse column, each checked; `~`, `null` or
    /// `ignore` leaves a column unread.
    public static func parse(_ text: String, file: String = fileName) throws -> ColumnMapping {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ImportProblem(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
        guard let map = root?.mapping else {
            throw ImportProblem(file: file, line: 1, column: 1, message: "mapping.yaml maps an export's column to a cse column: \"Account Name\": account")
        }
        var renames: [String: String] = [:]
        var ignored: Set<String> = []
        for (key, value) in map {
            guard let from = key.string, let to = value.string else {
                throw ImportProblem(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1, message: "each line is \"Export Column\": cse_column")
            }
            if unreadWords.contains(to.lowercased()) {
                ignored.insert(from)
                continue
            }
            guard targets.contains(to) else {
                let near = targets.min { editDistance(to, $0) < editDistance(to, $1) } ?? ""
                throw ImportProblem(file: file, line: value.mark?.line ?? 1, column: value.mark?.column ?? 1,
                                    message: "'\(to)' is not a cse column — did you mean \(near)?")
            }
            renames[from] = to
        }
        return ColumnMapping(name: fileName, renames: renames, ignored: ignored)
    }

    /// A target that leaves the column unread: `~`, `null` (or nothing) and `ignore`.
    static let unreadWords: Set<String> = ["", "~", "null", "ignore"]

    /// A cell of a date column as ISO: month/day/year when `monthFirst`, and the day of a
    /// "2026-11-20 14:03" timestamp; anything else as it was (and checked as usual).
    static func isoDate(_ text: String, monthFirst: Bool) -> String {
        let t = text.trimmingSpaces
        if t.count > 10, Day(iso: String(t.prefix(10))) != nil, t.dropFirst(10).first == " " || t.dropFirst(10).first == "T" { return String(t.prefix(10)) }
        if monthFirst {
            let parts = t.split(separator: "/").map(String.init)
            if parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), y >= 1000, let day = Day(year: y, month: m, day: d) {
                return day.description
            }
        }
        return t
    }
}
