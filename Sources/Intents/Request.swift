import Workspace

/// A line read: which command, which of its actions, and the typed value of every slot and
/// option. Handlers take their values from here and never read the line again.
public struct Request: Equatable, Sendable {
    public var command: String
    public var action: String?
    /// Slot and option values by name; a repeatable option keeps every value, in order.
    public var values: [String: [SlotValue]]
    /// `--json` at the end of the line.
    public var json: Bool

    public init(command: String, action: String? = nil, values: [String: [SlotValue]] = [:], json: Bool = false) {
        self.command = command
        self.action = action
        self.values = values
        self.json = json
    }

    /// The option every read command takes: the day to answer as of.
    public static let asOfOption = "as of"

    public var asOf: Day? { day(Request.asOfOption) }

    public func has(_ name: String) -> Bool { values[name]?.isEmpty == false }

    public func account(_ name: String = "account") -> AccountRef? {
        if case .account(let a)? = values[name]?.last { return a }
        return nil
    }

    public func text(_ name: String = "text") -> String? {
        switch values[name]?.last {
        case .text(let t)?, .file(let t)?: return t
        default: return nil
        }
    }

    public func number(_ name: String = "number") -> Int? {
        if case .number(let n)? = values[name]?.last { return n }
        return nil
    }

    /// Days (or weeks, for a `.weeks` slot).
    public func count(_ name: String) -> Int? {
        if case .count(let n)? = values[name]?.last { return n }
        return nil
    }

    public func day(_ name: String) -> Day? {
        if case .day(let d)? = values[name]?.last { return d }
        return nil
    }

    public func period(_ name: String = "period") -> Period? {
        if case .period(let p)? = values[name]?.last { return p }
        return nil
    }

    public func money(_ name: String) -> Money? {
        if case .money(let m)? = values[name]?.last { return m }
        return nil
    }

    /// Every CSM the option's values name, in order, once each.
    public func csms(_ name: String = "csm") -> [String] {
        var found: [String] = []
        for case .csms(let names) in values[name] ?? [] { for n in names where !found.contains(n) { found.append(n) } }
        return found
    }

    /// The last value of a choice.
    public func choice(_ name: String) -> String? {
        if case .choice(let c)? = values[name]?.last { return c }
        return nil
    }

    /// Every value of a repeatable choice, in order, once each.
    public func choices(_ name: String) -> [String] {
        var found: [String] = []
        for case .choice(let c) in values[name] ?? [] where !found.contains(c) { found.append(c) }
        return found
    }

    public func flag(_ name: String) -> Bool { has(name) }

    /// Every metric and value of a repeatable setting, in order.
    public func settings(_ name: String) -> [(field: String, value: String)] {
        (values[name] ?? []).compactMap { if case .setting(let f, let v) = $0 { return (f, v) } else { return nil } }
    }

    /// The same request with a value put in (replacing the old one) or taken out.
    public func with(_ name: String, _ value: SlotValue?) -> Request {
        var copy = self
        copy.values[name] = value.map { [$0] }
        return copy
    }
}

extension CommandSpec {
    /// The request as a command a CSM could type: the first phrase of its action that has its
    /// slots, its options after it (the words alone where the phrase keeps a place for them),
    /// then `as of DATE`. Reading the words gives the same request back.
    public func words(for request: Request, quoting quoted: Set<String> = []) -> String {
        let phrase = phrase(for: request)
        let hasPlace = phrase.segments.contains(.options)
        var middle: [String] = [], end: [String] = []
        var written = Set<String>()
        // Options that share a name ("in 90 days", "before March") are written by the first.
        for option in options where written.insert(option.name).inserted {
            // Two CSMs a typed start fitted are written as two names.
            let values = (request.values[option.name] ?? []).flatMap { value -> [SlotValue] in
                if case .csms(let names) = value { return names.map { .csms([$0]) } }
                return [value]
            }
            for value in values {
                let pattern = option.patterns[0]
                let written = render(pattern, value: value, type: option.type, quoted: false)
                if hasPlace && pattern.leadingWords.isEmpty || hasPlace && option.type == nil { middle.append(written) } else { end.append(written) }
            }
        }
        var parts: [String] = []
        for (i, segment) in phrase.segments.enumerated() {
            switch segment {
            case .words: parts.append(Self.chinese(phrase.written[i]))
            case .slot(let name):
                if let value = request.values[name]?.last { parts.append(render(value, type: slots[name], quoted: quoted.contains(name))) }
            case .options: parts += middle; middle = []
            }
        }
        parts += middle + end
        if let day = request.asOf { parts.append("as of \(day)") }
        return Self.glue(parts)
    }

    /// The phrase a request is written back with: the first of its action that holds its values.
    public func phrase(for request: Request) -> Phrase {
        let slotNames = Set(request.values.keys).subtracting(options.map(\.name) + [Request.asOfOption])
        return phrases.first { $0.action == request.action && $0.fixed.isEmpty && Set($0.slots) == slotNames }
            ?? phrases.first { $0.action == request.action && $0.holds == slotNames }
            ?? phrases.first { $0.action == request.action } ?? phrases[0]
    }

    func render(_ pattern: Phrase, value: SlotValue, type: SlotType?, quoted: Bool) -> String {
        Self.glue(pattern.segments.indices.map { i -> String in
            switch pattern.segments[i] {
            case .words: return Self.chinese(pattern.written[i])
            case .slot: return render(value, type: type, quoted: quoted)
            case .options: return ""
            }
        })
    }

    func render(_ value: SlotValue, type: SlotType?, quoted: Bool) -> String {
        switch value {
        case .account(let a): return a.name
        case .text(let t): return quoted ? "\"\(t)\"" : t
        case .number(let n): return "\(n)"
        case .count(let n):
            if case .weeks? = type { return "\(n) week\(n == 1 ? "" : "s")" }
            return "\(n) day\(n == 1 ? "" : "s")"
        case .day(let d): return d.description
        case .period(let p): return p.words
        case .money(let m): return m.description
        case .csms(let names): return names.joined(separator: " ")
        case .choice(let code):
            if case .choice(let vocabulary)? = type { return vocabulary.word(code) }
            return code
        case .file(let f): return f.contains(" ") || quoted ? "\"\(f)\"" : f
        case .setting(let field, let value):
            if case .setting(let vocabulary)? = type { return "\(vocabulary.word(field)) \(value)" }
            return "\(field) \(value)"
        case .flag: return ""
        }
    }

    /// Parts joined by spaces, except around a phrase's Chinese words ("Acme的评分", marked by
    /// `chinese`) and before a possessive; a name in Chinese is spaced like any other ("score 星辰科技").
    static func glue(_ parts: [String]) -> String {
        var out = ""
        var gluesRight = false
        for part in parts where !part.isEmpty {
            let joins = part.hasPrefix(chineseMark) || part.hasPrefix("'s") || gluesRight
            let text = part.replacingOccurrences(of: chineseMark, with: "")
            if !out.isEmpty && !joins { out += " " }
            out += text
            gluesRight = part.hasSuffix(chineseMark)
        }
        return out
    }

    /// A phrase's own words written in Chinese join what stands beside them.
    static let chineseMark = "\u{1F}"

    static func chinese(_ words: String) -> String {
        var marked = words
        if let first = words.unicodeScalars.first, TokenizedLine.isHan(first) { marked = chineseMark + marked }
        if let last = words.unicodeScalars.last, TokenizedLine.isHan(last) { marked += chineseMark }
        return marked
    }
}
