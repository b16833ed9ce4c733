/// Rows of named cells read from a CSV, YAML or JSON file, each cell knowing where it
/// came from, so that every problem can be reported as file:line:column.
public struct Table: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public struct Row: Sendable {
        public var line: Int
        public var cells: [Cell]
    }

    public var columns: [String]
    /// The header as the file wrote it (`columns` are lowercased).
    public var headers: [String] = []
    public var rows: [Row]
    /// The lines of a report's footer the reader set aside (`ReportFooter`).
    public var footerLines: [Int] = []

    public func index(of column: String) -> Int? { columns.firstIndex(of: column) }

    /// What the columns say the file holds.
    public var kind: ImportKind? {
        let names = Set(columns)
        if names.contains("week") && names.contains("account") { return .snapshots }
        if names.contains("account") && names.contains("event") && names.contains("date") { return .events }
        if names.contains("account") && names.contains("mrr") && names.contains("start_date") { return .subscriptions }
        if names.contains("account") && ["name", "first_name", "last_name"].contains(where: names.contains) { return .contacts }
        if names.contains("account") && AccountField.allCases.contains(where: { $0 != .account && names.contains($0.rawValue) }) { return .accounts }
        return nil
    }
}

public enum ImportKind: String, Sendable {
    case accounts, snapshots, events, subscriptions
    /// A CRM's contacts export: one person a row.
    case contacts
    /// Product usage (`UsageReader`): raw events, or daily counts per account and event.
    case productEvents = "product events", dailyCounts = "daily counts"

    public var header: [String] {
        switch self {
        case .accounts: return AccountField.allCases.map(\.rawValue)
        case .snapshots: return ["account", "week"] + SnapshotField.allCases.map(\.rawValue)
        case .events: return ["account", "date", "event", "details", "id"]
        case .subscriptions: return ["account", "product", "start_date", "end_date", "mrr", "quantity", "units", "bill_period_months", "discount"]
        case .contacts: return ["account", "name", "first_name", "last_name", "email", "title", "role"]
        case .productEvents: return ["account", "user", "event", "timestamp"]
        case .dailyCounts: return ["account", "date", "event", "count", "users"]
        }
    }

    public var requiredColumns: [String] {
        switch self {
        case .accounts: return AccountField.required.map(\.rawValue)
        case .snapshots: return ["account", "week"]
        case .events: return ["account", "date", "event"]
        case .subscriptions: return ["account", "product", "start_date", "end_date", "mrr"]
        case .contacts: return ["account"]
        case .productEvents: return ["account", "user", "event", "timestamp"]
        case .dailyCounts: return ["account", "date", "event", "count"]
        }
    }

    /// The columns that hold a day: under a map, read in the export's date format.
    public var dateColumns: [String] {
        switch self {
        case .accounts: return AccountField.allCases.filter(\.isDate).map(\.rawValue)
        case .snapshots: return ["week"]
        case .events, .dailyCounts: return ["date"]
        case .subscriptions: return ["start_date", "end_date"]
        case .contacts, .productEvents: return []
        }
    }

    /// Columns an export adds; an import reads past them.
    public static let derivedColumns: Set<String> = ["score", "tier", "trend"]
}
