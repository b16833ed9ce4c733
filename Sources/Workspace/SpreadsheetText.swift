/// A CSV cell a spreadsheet would run as a formula (OWASP's CSV injection): one that begins
/// with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a number. Export writes such a
/// cell with a `'` before it, which spreadsheets show as text and do not run; import takes that
/// one `'` away again, so the value reads back as it was. A value that truly begins `'=` is
/// written `''=`.
public enum SpreadsheetText {
    static let starts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether a cell would be a formula: it starts so, or starts `'` and then so (its `'`
    /// would be taken away on import).
    static func needsQuote(_ cell: String) -> Bool {
        guard let first = cell.first else { return false }
        if first == "'" { return needsQuote(String(cell.dropFirst())) }
        return starts.contains(first) && Double(cell) == nil
    }

    /// The cell as export writes it.
    public static func escaped(_ cell: String) -> String { needsQuote(cell) ? "'" + cell : cell }

    /// The cell as import reads it: one `'` written before a formula-like value taken away.
    public static func unescaped(_ cell: String) -> String {
        cell.first == "'" && needsQuote(String(cell.dropFirst())) ? String(cell.dropFirst()) : cell
    }
}
