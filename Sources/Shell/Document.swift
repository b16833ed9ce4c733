/// What a command shows, before it is turned into text: lines of styled spans,
/// wrapped paragraphs and tables. The renderer fits it to the terminal.
public struct Document: Sendable {
    public enum Block: Sendable {
        case line([Span])
        /// Text wrapped to the width, continuation lines indented under `text` (and `hang`
        /// columns more).
        case wrapped(prefix: [Span], text: [Span], hang: Int)
        case table(TextTable)
    }

    public private(set) var blocks: [Block] = []
    /// The most rows a long list shows (`Renderer.listRows`); nil: every row.
    public var listRows: Int?
    /// The command line that gives this answer again, for the hint under a list cut to a screenful.
    public var command = ""

    public init() {}

    /// The rows of a list that fit: all of them, or a screenful on a terminal.
    public func fitting<C: Collection>(_ rows: C) -> C.SubSequence { rows.prefix(listRows ?? rows.count) }

    /// Under a list cut to a screenful: how many rows were left out, and how to see them.
    public mutating func more(_ hidden: Int, _ noun: String) {
        guard hidden > 0 else { return }
        wrapped(text: [Span("… \(hidden) more \(hidden == 1 ? noun.one : noun): narrow the list, or pipe it for every row: \(command) | less", .dim)])
    }
    public mutating func line(_ spans: Span...) { blocks.append(.line(spans)) }
    public mutating func line(_ spans: [Span]) { blocks.append(.line(spans)) }
    public mutating func blank() { blocks.append(.line([])) }
    public mutating func wrapped(_ prefix: Span..., text: [Span]) { blocks.append(.wrapped(prefix: prefix, text: text, hang: 0)) }
    public mutating func wrapped(_ prefix: Span..., text: String, hang: Int = 0) { blocks.append(.wrapped(prefix: prefix, text: [Span(text)], hang: hang)) }
    public mutating func table(_ table: TextTable) { blocks.append(.table(table)) }
    public mutating func append(_ other: Document) { blocks += other.blocks }
}

/// An aligned table. Right-aligned columns hold numbers; when the table is wider than
/// the terminal, shrinkable columns are cut with "…" (or wrap, when they say so) and
/// optional columns left out.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var right: Bool
        public var shrinkable: Bool
        /// Left out when the terminal is too narrow even after shrinking.
        public var optional: Bool
        /// Spaces before the column (two, or one to keep "76.1 / 100" together).
        public var gap: Int
        /// A shrunk cell wraps between words onto more lines instead of being cut with "…".
        public var wraps: Bool
        /// When the table must shrink, the most of the width this column keeps (0.4: two
        /// fifths), leaving the rest to the others.
        public var share: Double?
        public init(_ title: String, right: Bool = false, shrinkable: Bool = false, optional: Bool = false, gap: Int = 2,
                    wraps: Bool = false, share: Double? = nil) {
            self.title = title
            self.right = right
            self.shrinkable = shrinkable || wraps
            self.optional = optional
            self.gap = gap
            self.wraps = wraps
            self.share = share
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

private extension String {
    /// "accounts" → "account", "accounts with alerts" → "account with alerts".
    var one: String {
        let word = prefix { $0 != " " }
        guard word.hasSuffix("s") else { return self }
        return String(word.dropLast()) + dropFirst(word.count)
    }
}
