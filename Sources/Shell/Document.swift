/// What a command shows, before it is turned into text: lines of styled spans,
/// wrapped paragraphs and tables. The renderer fits it to the terminal.
public struct Document: Sendable {
    public enum Block: Sendable {
        case line([Span])
        /// Text wrapped to the width, continuation lines indented under `text`.
        case wrapped(prefix: [Span], text: [Span])
        case table(TextTable)
    }

    public private(set) var blocks: [Block] = []

    public init() {}

    public mutating func line(_ spans: Span...) { blocks.append(.line(spans)) }
    public mutating func line(_ spans: [Span]) { blocks.append(.line(spans)) }
    public mutating func blank() { blocks.append(.line([])) }
    public mutating func wrapped(_ prefix: Span..., text: [Span]) { blocks.append(.wrapped(prefix: prefix, text: text)) }
    public mutating func wrapped(_ prefix: Span..., text: String) { blocks.append(.wrapped(prefix: prefix, text: [Span(text)])) }
    public mutating func table(_ table: TextTable) { blocks.append(.table(table)) }
    public mutating func append(_ other: Document) { blocks += other.blocks }
}

/// An aligned table. Right-aligned columns hold numbers; when the table is wider than
/// the terminal, shrinkable columns are cut with "…" and optional columns left out.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var right: Bool
        public var shrinkable: Bool
        /// Left out when the terminal is too narrow even after shrinking.
        public var optional: Bool
        /// Spaces before the column (two, or one to keep "76.1 / 100" together).
        public var gap: Int
        public init(_ title: String, right: Bool = false, shrinkable: Bool = false, optional: Bool = false, gap: Int = 2) {
            self.title = title
            self.right = right
            self.shrinkable = shrinkable
            self.optional = optional
            self.gap = gap
        }
    }

    public var columns: [Column]
    public var rows: [[Span]] = []
    public var indent: Int
    public var showHeader: Bool

    public init(_ columns: [Column], indent: Int = 0, showHeader: Bool = true) {
        self.columns = columns
        self.indent = indent
        self.showHeader = showHeader
    }

    public mutating func add(_ cells: [Span]) { rows.append(cells) }
    public mutating func add(_ cells: Span...) { rows.append(cells) }
}
