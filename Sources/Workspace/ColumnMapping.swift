import Foundation
import Yams

/// How a CRM export's columns are named in cse: the built-in maps for Salesforce and
/// HubSpot account exports (by their default column names), and the workspace's own
/// `mapping.yaml` for anything else (`"Account Name": account`). A map applies to a file
/// whose header has one of its columns; the workspace's wins over a built-in one.
public struct ColumnMapping: Equatable, Sendable {
    public var name: String
    /// Lowercased export column → cse column.
    public var renames: [String: String]
    /// Dates written month/day/year (a US-locale Salesforce report).
    public var monthFirstDates = false

    public init(name: String, renames: [String: String], monthFirstDates: Bool = false) {
        self.name = name
        self.renames = Dictionary(renames.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.monthFirstDates = monthFirstDates
    }

    public static let salesforce = ColumnMapping(name: "Salesforce", renames: [
        "Account Name": "account", "Account Owner": "csm", "Annual Revenue": "arr", "Account ID": "aliases",
        "Customer Since": "start_date", "Contract End Date": "renewal_date", "Renewal Date": "renewal_date",
        "Name": "account", "AnnualRevenue": "arr", "Id": "aliases",
    ], monthFirstDates: true)

    public static let hubspot = ColumnMapping(name: "HubSpot", renames: [
        "Company name": "account", "Company owner": "csm", "Annual Revenue": "arr", "Record ID": "aliases",
        "Became a Customer Date": "start_date", "Renewal Date": "renewal_date",
    ])

    /// The built-in map a header calls for: each is known by its name column.
    public static func builtIn(for columns: [String]) -> ColumnMapping? {
        let set = Set(columns.map { $0.lowercased() })
        if set.contains("company name") { return hubspot }
        if set.contains("account name") || (set.contains("name") && set.contains("annualrevenue")) { return salesforce }
        return nil
    }

    /// Every column a file may map to.
    public static var targets: Set<String> {
        Set(ImportKind.accounts.header + ImportKind.snapshots.header + ImportKind.events.header + ImportKind.subscriptions.header)
    }

    public static let fileName = "mapping.yaml"

    /// mapping.yaml: a mapping of export column to cse column, each checked.
    public static func parse(_ text: String, file: String = fileName) throws -> ColumnMapping {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ImportProblem(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
        guard let map = root?.mapping else {
            throw ImportProblem(file: file, line: 1, column: 1, message: "mapping.yaml maps an export's column to a cse column: \"Account Name\": account")
        }
        var renames: [String: String] = [:]
        for (key, value) in map {
            guard let from = key.string, let to = value.string else {
                throw ImportProblem(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1, message: "each line is \"Export Column\": cse_column")
            }
            guard targets.contains(to) else {
                let near = targets.min { editDistance(to, $0) < editDistance(to, $1) } ?? ""
                throw ImportProblem(file: file, line: value.mark?.line ?? 1, column: value.mark?.column ?? 1,
                                    message: "'\(to)' is not a cse column — did you mean \(near)?")
            }
            renames[from] = to
        }
        return ColumnMapping(name: fileName, renames: renames)
    }

    /// A cell of a date column as ISO: month/day/year under a month-first map, and the day of
    /// a "2026-11-20 14:03" timestamp; anything else as it was (and checked as usual).
    func isoDate(_ text: String) -> String {
        let t = text.trimmingSpaces
        if t.count > 10, Day(iso: String(t.prefix(10))) != nil, t.dropFirst(10).first == " " || t.dropFirst(10).first == "T" { return String(t.prefix(10)) }
        if monthFirstDates {
            let parts = t.split(separator: "/").map(String.init)
            if parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), y >= 1000, let day = Day(year: y, month: m, day: d) {
                return day.description
            }
        }
        return t
    }
}
