/// Turns a Document into text for a given width, with or without colour. Every span is
/// sanitised here, so no command can print a raw control character from data.
public struct Renderer: Sendable {
    public var width: Int
    public var colour: Bool
    /// The terminal's height, when the answer goes to one: a long list shows a screenful.
    public var height: Int?

    public init(width: Int, colour: Bool, height: Int? = nil) {
        self.width = max(width, 20)
        self.colour = colour
        self.height = height
    }

    /// The most rows a long list shows on this terminal (every row when not a terminal):
    /// a screenful, less the lines around the table.
    public var listRows: Int? { height.map { max(10, $0 - 8) } }

    public func render(_ document: Document) -> String {
        var lines: [String] = []
        for block in document.blocks {
            switch block {
            case .line(let spans):
                // A line wider than the terminal wraps between words under its own indent, rather than lose its end.
                if spans.reduce(0, { $0 + $1.width }) <= width {
                    lines.append(fit(spans))
                } else {
                    let indent = spans.first.map { String($0.text.prefix { $0 == " " }) } ?? ""
                    var rest = spans
                    if !indent.isEmpty { rest[0] = Span(String(rest[0].text.dropFirst(indent.count)), rest[0].style) }
                    lines += wrap(prefix: [Span(indent)], text: rest)
                }
            case let .wrapped(prefix, text, hang): lines += wrap(prefix: prefix, text: text, hang: hang)
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

    func wrap(prefix: [Span], text: [Span], hang: Int = 0) -> [String] {
        let lead = prefix.reduce(0) { $0 + $1.width }
        let indent = lead + hang
        var room = max(width - lead, 10)
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
                    room = max(width - indent, 10)
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
        // Each cell is cleaned and measured once.
        struct Cell { var text: String; var width: Int; var style: Style? }
        var columns = table.columns
        // A long list repeats its tiers, segments and names: each text other than ASCII is measured once.
        var measured: [String: Int] = [:]
        func cells(_ spans: [Span]) -> [Cell] {
            (0..<columns.count).map { i in
                let span = i < spans.count ? spans[i] : Span("")
                let text = Sanitizer.clean(span.text)
                if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return Cell(text: text, width: text.utf8.count, style: span.style) }
                if let width = measured[text] { return Cell(text: text, width: width, style: span.style) }
                let width = DisplayWidth.of(text)
                measured[text] = width
                return Cell(text: text, width: width, style: span.style)
            }
        }
        var header = cells(columns.map { Span($0.title, .bold) })
        var rows = table.rows.map(cells)
        func measure() -> [Int] {
            var widths = table.showHeader ? header.map(\.width) : Array(repeating: 0, count: columns.count)
            for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.width) } }
            return widths
        }
        func total(_ widths: [Int]) -> Int { table.indent + widths.reduce(0, +) + columns.dropFirst().reduce(0) { $0 + $1.gap } }
        // The widest shrinkable column gives way first, down to the next widest, so two
        // long columns end up sharing the room.
        func shrink(_ widths: inout [Int], to floor: Int, wrappingOnly: Bool = false) {
            var sum = total(widths)
            while sum > width {
                let candidates = widths.indices.filter { columns[$0].shrinkable && (!wrappingOnly || columns[$0].wraps) && widths[$0] > floor }
                guard let i = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                let next = candidates.filter { $0 != i }.map { widths[$0] }.max() ?? floor
                let cut = max(1, min(sum - width, widths[i] - max(next, floor)))
                widths[i] -= cut
                sum -= cut
            }
        }
        var widths = measure()
        if total(widths) > width {
            for (i, column) in columns.enumerated() {
                if let share = column.share { widths[i] = min(widths[i], max(12, Int(Double(width) * share))) }
            }
        }
        // Wrapping loses nothing; then optional columns are left out (rightmost first) before
        // any name is cut with "…"; only then do the other shrinkable columns give way.
        shrink(&widths, to: 12, wrappingOnly: true)
        while total(widths) > width, let drop = columns.lastIndex(where: \.optional) {
            columns.remove(at: drop)
            header.remove(at: drop)
            rows = rows.map { var r = $0; r.remove(at: drop); return r }
            widths = measure()
            shrink(&widths, to: 12, wrappingOnly: true)
        }
        shrink(&widths, to: 12)
        shrink(&widths, to: 4)
        let indent = String(repeating: " ", count: table.indent)
        func lines(_ row: [Cell]) -> [String] {
            // Each cell as the lines it takes: one, cut with "…", or several when its column wraps.
            let parts: [[String]] = row.enumerated().map { i, cell in
                guard cell.width > widths[i] else { return [cell.text] }
                return columns[i].wraps ? Renderer.wrap(cell.text, width: widths[i]) : [DisplayWidth.truncate(cell.text, to: widths[i])]
            }
            let height = parts.map(\.count).max() ?? 1
            return (0..<height).map { k in
                var out = indent
                for (i, cell) in row.enumerated() {
                    if i > 0 { out += String(repeating: " ", count: columns[i].gap) }
                    let text = k < parts[i].count ? parts[i][k] : ""
                    // A cell that fits is its measured width on its one line.
                    let used = cell.width <= widths[i] ? (k == 0 ? cell.width : 0) : DisplayWidth.of(text)
                    let fill = String(repeating: " ", count: max(0, widths[i] - used))
                    let painted = paint(Span(text, cell.style))
                    out += columns[i].right ? fill + painted : painted + (i == row.count - 1 ? "" : fill)
                }
                return out
            }
        }
        return (table.showHeader ? lines(header) : []) + rows.flatMap(lines)
    }

    /// Text broken between words into lines of at most `width` columns; a bracketed group
    /// ("[FIELD VALUE …]") moves as one word when it fits a line; a word longer than a line
    /// is broken where it must be.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = "", used = 0
        for word in groups(text, width: width) {
            var word = word, w = DisplayWidth.of(word)
            if used > 0 && used + 1 + w <= width {
                current += " " + word
                used += 1 + w
                continue
            }
            if used > 0 { lines.append(current) }
            while w > width {
                var head = "", headWidth = 0, lastBreak = 0
                for c in word {
                    let cw = DisplayWidth.of(c)
                    if headWidth + cw > width { break }
                    head.append(c)
                    headWidth += cw
                    if "|/-,".contains(c) { lastBreak = head.count }
                }
                if head.isEmpty { break }
                // Rather after a '|' or '-' than mid-word.
                if lastBreak > 0 && lastBreak < head.count { head = String(head.prefix(lastBreak)) }
                lines.append(head)
                word.removeFirst(head.count)
                w = DisplayWidth.of(word)
            }
            (current, used) = (word, w)
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The words of `text`, with the words of a "[…]" group joined when the group fits `width`.
    static func groups(_ text: String, width: Int) -> [String] {
        var words: [String] = []
        var group: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            if group.isEmpty && !(word.hasPrefix("[") && !word.hasSuffix("]")) {
                words.append(word)
                continue
            }
            group.append(word)
            if word.hasSuffix("]") {
                let joined = group.joined(separator: " ")
                words += DisplayWidth.of(joined) <= width ? [joined] : group
                group = []
            }
        }
        return words + group
    }

    func trimTrailing(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
