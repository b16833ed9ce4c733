import CSV
import Foundation
import Yams

/// Writes rows of cells as CSV, JSON or YAML, chosen by the file's extension, in the
/// shapes the importer reads back. The file appears whole or not at all.
public enum Exporter {
    public enum Format: String, Sendable {
        case csv, json, yaml

        public init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "csv": self = .csv
            case "json": self = .json
            case "yaml", "yml": self = .yaml
            default: return nil
            }
        }
    }

    /// `numeric` names the columns written as numbers in JSON.
    public static func render(kind: ImportKind, columns: [String], rows: [[String]], numeric: Set<String>, format: Format) throws -> Data {
        switch format {
        case .csv:
            let stream = OutputStream(toMemory: ())
            stream.open()
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: columns)
            // A value a spreadsheet would run as a formula is written as text (`SpreadsheetText`).
            for row in rows { try writer.write(row: row.map(SpreadsheetText.escaped)) }
            stream.close()
            var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
            data.append(contentsOf: [0x0A])
            return data
        case .json:
            var out = "{\n  \"\(kind.rawValue)\": [\n"
            for (i, row) in rows.enumerated() {
                let fields = zip(columns, row).map { column, cell -> String in
                    let value: String
                    if cell.isEmpty { value = "null" } else if numeric.contains(column), Double(cell) != nil { value = cell } else { value = jsonString(cell) }
                    return "\(jsonString(column)): \(value)"
                }
                out += "    {" + fields.joined(separator: ", ") + "}" + (i == rows.count - 1 ? "\n" : ",\n")
            }
            out += "  ]\n}\n"
            return Data(out.utf8)
        case .yaml:
            let items: [Node] = rows.map { row in
                Node.mapping(Node.Mapping(zip(columns, row).map { column, cell in
                    (Node(column), Node(cell, Tag(.str), cell.isEmpty || numeric.contains(column) && Double(cell) != nil ? .plain : .any))
                }))
            }
            let root = Node.mapping(Node.Mapping([(Node(kind.rawValue), Node.sequence(Node.Sequence(items)))]))
            return Data(try Yams.serialize(node: root, allowUnicode: true).utf8)
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension Data {
    /// Writes through a temporary file and a rename, so a reader never sees half a file.
    public func writeAtomically(to path: String) throws {
        try write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
