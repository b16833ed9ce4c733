import Yams

/// Reads YAML or JSON (a JSON file is read as YAML, which keeps line numbers) into tables.
/// Accepted shapes: `accounts: [rows]`, `snapshots: [rows]` (what `export` writes), and
/// seed 002's `customer_health:` form (one mapping or a list), extended with raw metrics
/// under `metrics:` (with `week:`) or `snapshots:` (a list of rows with `week:`).
enum YAMLTableReader {
    static func read(_ text: String, file: String) throws -> [Table] {
        try YAMLLimits.check(text, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ImportFailure(file: file, problems: [problem(from: error, file: file)], rowsChecked: 0)
        }
        guard let root, let mapping = root.mapping else {
            throw failure(file, root?.mark, "expected a mapping with accounts:, snapshots:, events: or customer_health:")
        }
        var accounts = Builder()
        var snapshots = Builder()
        var events = Builder()
        var subscriptions = Builder()
        var recognised = false
        for (key, value) in mapping {
            switch key.string {
            case "accounts":
                recognised = true
                for row in try rows(value, file: file) { try accounts.add(row, file: file) }
            case "snapshots":
                recognised = true
                for row in try rows(value, file: file) { try snapshots.add(row, file: file) }
            case "events":
                recognised = true
                for row in try rows(value, file: file) { try events.add(row, file: file) }
            case "subscriptions":
                recognised = true
                for row in try rows(value, file: file) { try subscriptions.add(row, file: file) }
            case "customer_health":
                recognised = true
                let entries = value.sequence.map(Array.init) ?? [value]
                for entry in entries { try customerHealth(entry, file: file, accounts: &accounts, snapshots: &snapshots) }
            default:
                continue
            }
        }
        guard recognised else {
            throw failure(file, root.mark, "expected a top-level accounts:, snapshots:, events: or customer_health: key")
        }
        return [accounts.table, snapshots.table, events.table, subscriptions.table].filter { !$0.rows.isEmpty }
    }

    /// Seed 002's template, with `tier` read as the segment where it names one.
    private static func customerHealth(_ node: Node, file: String, accounts: inout Builder, snapshots: inout Builder) throws {
        guard let map = node.mapping else { throw failure(file, node.mark, "customer_health must be a mapping") }
        var profile: [(String, Node)] = []
        var name: Node?
        for (key, value) in map {
            guard let k = key.string else { continue }
            switch k {
            case "account": name = value; profile.append(("account", value))
            case "tier", "segment":
                if let s = value.string, Segment(parsing: s) != nil { profile.append(("segment", value)) }
            case "arr", "plan", "csm", "start_date", "renewal_date", "aliases", "churn_date", "churn_reason",
                 "champion", "executive_sponsor", "technical_lead":
                profile.append((k, value))
            case "exec_sponsor": profile.append(("executive_sponsor", value))
            case "scores":
                // The seed nests the relationship contacts under scores.relationship.
                if let rel = value.mapping?["relationship"]?.mapping {
                    if let c = rel["champion"] { profile.append(("champion", c)) }
                    if let e = rel["exec_sponsor"] { profile.append(("executive_sponsor", e)) }
                }
            default: break
            }
        }
        guard let name else { throw failure(file, node.mark, "customer_health entry has no account:") }
        try accounts.add(profile, line: node.mark?.line ?? 1, file: file)
        if let metrics = map["metrics"] {
            guard let m = metrics.mapping else { throw failure(file, metrics.mark, "metrics must be a mapping") }
            var row: [(String, Node)] = [("account", name)]
            if let week = map["week"] ?? m["week"] ?? map["last_updated"] { row.append(("week", week)) }
            for (key, value) in m where key.string != "week" { row.append((key.string ?? "", value)) }
            try snapshots.add(row, line: metrics.mark?.line ?? 1, file: file)
        }
        if let list = map["snapshots"] {
            for row in try rows(list, file: file) {
                try snapshots.add([("account", name)] + row.pairs, line: row.line, file: file)
            }
        }
    }

    struct KeyedRow {
        var line: Int
        var pairs: [(String, Node)]
    }

    private static func rows(_ node: Node, file: String) throws -> [KeyedRow] {
        guard let seq = node.sequence else { throw failure(file, node.mark, "expected a list of rows") }
        return try seq.map { item in
            guard let map = item.mapping else { throw failure(file, item.mark, "each row must be a mapping of column: value") }
            return KeyedRow(line: item.mark?.line ?? 1, pairs: map.compactMap { k, v in k.string.map { ($0, v) } })
        }
    }

    /// Collects rows with differing keys into one table (union of columns, in first-seen order).
    struct Builder {
        var columns: [String] = []
        var known: Set<String> = []
        var rows: [[String: Table.Cell]] = []
        var lines: [Int] = []

        mutating func add(_ row: KeyedRow, file: String) throws { try add(row.pairs, line: row.line, file: file) }

        mutating func add(_ pairs: [(String, Node)], line: Int, file: String) throws {
            var cells: [String: Table.Cell] = [:]
            for (key, value) in pairs {
                let column = key.lowercased()
                let text: String
                switch value {
                case .scalar(let s): text = s.string == "~" || s.string == "null" ? "" : s.string
                case .sequence(let seq): text = seq.compactMap(\.string).joined(separator: "; ")
                default: throw YAMLTableReader.failure(file, value.mark, "\(key) must be a single value")
                }
                if known.insert(column).inserted { columns.append(column) }
                cells[column] = Table.Cell(text: text, line: value.mark?.line ?? line, column: value.mark?.column ?? 1)
            }
            rows.append(cells)
            lines.append(line)
        }

        var table: Table {
            Table(columns: columns, rows: zip(rows, lines).map { cells, line in
                Table.Row(line: line, cells: columns.map { cells[$0] ?? Table.Cell(text: "", line: line, column: 1) })
            })
        }
    }

    static func failure(_ file: String, _ mark: Mark?, _ message: String) -> ImportFailure {
        ImportFailure(file: file, problems: [ImportProblem(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)], rowsChecked: 0)
    }

    private static func problem(from error: YamlError, file: String) -> ImportProblem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ImportProblem(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, _):
            return ImportProblem(file: file, line: 1, column: 1, message: "duplicated keys in one mapping: \(duplicates.joined(separator: ", "))")
        default:
            return ImportProblem(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }
}
