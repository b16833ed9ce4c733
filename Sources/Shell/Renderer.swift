/// Turns a Document into text for a given width, with or without colour. Every span is
/// sanitised here, so no command can print a raw control character from data.
public struct Renderer: Sendable {
    public var width: Int
    public var colour: Bool

    public init(width: Int, colour: Bool) {
        self.width = max(width, 20)
        self.colour = colour
    }

    public func render(_ document: Document) -> String {
        var lines: [String] = []
        for block in document.blocks {
            switch block {
            case .line(let spans): lines.append(fit(spans))
            case let .wrapped(prefix, text): lines += wrap(prefix: prefix, text: text)
            case .table(let table): lines += render(table)
            }
        }
        return lines.map(trimTrailing).joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    func paint(_ span: Span) -> String {
        let text = Sanitizer.clean(span.text)
        guard colour, let style = span.style, !text.isEmpty else { return text }
        return "\u{1B}[\(style.ansi)m" + text + "\u{1B}[0m"
    }

    /// A line longer than the width is cut with "…".
    func fit(_ spans: [Span]) -> String {
        var used = 0
        var out = ""
        for span in spans {
            let w = span.width
            if used + w <= width {
                out += paint(span)
                used += w
            } else {
                out += paint(Span(DisplayWidth.truncate(Sanitizer.clean(span.text), to: width - used), span.style))
                break
            }
        }
        return out
    }

    func wrap(prefix: [Span], text: [Span]) -> [String] {
        let indent = prefix.reduce(0) { $0 + $1.width }
        let room = max(width - indent, 10)
        var lines: [String] = []
        var current = prefix.map(paint).joined()
        var used = 0
        var spaceBefore = false
        for span in text {
            let clean = Sanitizer.clean(span.text)
            if clean.first == " " { spaceBefore = true }
            for word in clean.split(separator: " ") {
                let w = DisplayWidth.of(String(word))
                let gap = used > 0 && spaceBefore ? 1 : 0
                if used > 0 && used + gap + w > room {
                    lines.append(current)
                    current = String(repeating: " ", count: indent)
                    used = 0
                } else if gap > 0 {
                    current += " "
                    used += 1
                }
                current += paint(Span(String(word), span.style))
                used += w
                spaceBefore = true
            }
            spaceBefore = clean.last == " "
        }
        lines.append(current)
        return lines
    }

    func render(_ table: TextTable) -> [String] {
        let count = table.columns.count
        var widths = table.columns.map { table.showHeader ? DisplayWidth.of($0.title) : 0 }
        for row in table.rows {
            for (i, cell) in row.prefix(count).enumerated() { widths[i] = max(widths[i], cell.width) }
        }
        let gap = 2
        var total = table.indent + widths.reduce(0, +) + gap * (count - 1)
        while total > width, let i = widths.indices.filter({ table.columns[$0].shrinkable && widths[$0] > 6 }).max(by: { widths[$0] < widths[$1] }) {
            let cut = min(total - width, widths[i] - 6)
            widths[i] -= cut
            total -= cut
        }
        func line(_ cells: [Span]) -> String {
            var parts: [String] = []
            for i in 0..<count {
                let cell = i < cells.count ? cells[i] : Span("")
                var text = Sanitizer.clean(cell.text)
                if DisplayWidth.of(text) > widths[i] { text = DisplayWidth.truncate(text, to: widths[i]) }
                let fill = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(text)))
                let painted = paint(Span(text, cell.style))
                parts.append(table.columns[i].right ? fill + painted : painted + (i == count - 1 ? "" : fill))
            }
            return String(repeating: " ", count: table.indent) + parts.joined(separator: String(repeating: " ", count: gap))
        }
        var lines: [String] = []
        if table.showHeader {
            lines.append(line(table.columns.map { Span($0.title, .bold) }))
        }
        for row in table.rows { lines.append(line(row)) }
        return lines
    }

    func trimTrailing(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
