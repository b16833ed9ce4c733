import CSV

/// Reads a CSV file (quoted fields, embedded commas and line breaks, BOM, CRLF) into a Table;
/// a report's footer after the rows is set aside (`ReportFooter`).
enum CSVTableReader {
    /// `progress` hears the number of rows read every few thousand rows, and may throw to stop.
    static func read(_ text: String, file: String, progress: ((Int) throws -> Void)? = nil) throws -> Table {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader = try CSVReader(string: text)
        var line = 1
        guard let header = reader.next() else {
            throw ImportFailure(file: file, problems: [ImportProblem(file: file, line: 1, column: 1, message: "the file is empty")], rowsChecked: 0)
        }
        let columns = header.map { $0.trimmingSpaces.lowercased() }
        line += lineBreaks(in: header) + 1
        // Every record first: a report's footer is known by how the file ends.
        var records: [(line: Int, fields: [String])] = []
        while let fields = reader.next() {
            if records.count % 5000 == 4999 { try progress?(records.count + 1) }
            records.append((line, fields))
            line += lineBreaks(in: fields) + 1
        }
        let footer = ReportFooter.start(of: records.map(\.fields), columns: columns.count) ?? records.count
        var rows: [Table.Row] = []
        rows.reserveCapacity(footer)
        var problems: [ImportProblem] = []
        for (start, fields) in records[..<footer] {
            if fields.count == 1 && fields[0].trimmingSpaces.isEmpty { continue }
            if fields.count != columns.count {
                problems.append(ImportProblem(file: file, line: start, column: min(fields.count, columns.count) + 1,
                                              message: "expected \(columns.count) fields as in the header, found \(fields.count)"))
                continue
            }
            rows.append(Table.Row(line: start, cells: fields.enumerated().map { Table.Cell(text: SpreadsheetText.unescaped($1), line: start, column: $0 + 1) }))
        }
        if !problems.isEmpty { throw ImportFailure(file: file, problems: problems, rowsChecked: rows.count + problems.count) }
        var table = Table(columns: columns, rows: rows)
        table.headers = header.map(\.trimmingSpaces)
        table.footerLines = records[footer...].filter { !$0.fields.allSatisfy { $0.trimmingSpaces.isEmpty } }.map(\.line)
        return table
    }

    private static func lineBreaks(in fields: [String]) -> Int {
        var count = 0
        for field in fields where field.contains(where: \.isNewline) {
            count += field.filter(\.isNewline).count
        }
        return count
    }
}
