import Intents
import Shell

/// `help` and `help COMMAND`.
struct HelpCommand: Command {
    let spec = CommandSpec(
        name: "help",
        phrases: ["help", "?", "commands", "help {command}", "{command} help", "帮助", "帮助 {command}"],
        usage: "help [COMMAND]",
        summary: "this list, or one command in detail",
        examples: ["help", "help score", "help list accounts", "帮助"],
        accountSlots: [])

    func run(_ request: Request, in context: Context) throws -> Report {
        guard let asked = request["command"] else { return HelpIndex(specs: context.specs) }
        let parser = Parser(specs: context.specs)
        if let spec = context.specs.first(where: { $0.name == asked.lowercased() }) { return HelpPage(spec: spec) }
        switch parser.parse(asked) {
        case .matched(let m): return HelpPage(spec: context.specs[m.command])
        case .incomplete(let i): return HelpPage(spec: context.specs[i[0]])
        case .unknown(let suggestions):
            let hint = suggestions.isEmpty ? "type 'help' for the list" : "did you mean " + suggestions.map { "'\(context.specs[$0].name)'" }.joined(separator: " or ") + "?"
            throw CommandError("no command '\(asked)' — \(hint)")
        case .empty: return HelpIndex(specs: context.specs)
        }
    }
}

struct HelpIndex: Report {
    let specs: [CommandSpec]

    struct Entry: Encodable { var name, usage, summary: String }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(["commands": specs.map { Entry(name: $0.name, usage: $0.usage, summary: $0.summary) }])
    }

    func render(into doc: inout Document) {
        doc.line(Span("cse — Customer Success Engine", .bold))
        var table = TextTable([.init("", wraps: true, share: 0.4), .init("", wraps: true)], indent: 2, showHeader: false)
        for spec in specs { table.add(Span(spec.usage, .cyan), Span(spec.summary)) }
        doc.table(table)
        doc.blank()
        doc.wrapped(text: "Type naturally: 'score Acme', 'Acme的评分', 'list at-risk accounts'. Account names need no quotes; a unique start is enough. Tab completes commands and names; add --json to any command for JSON. 'help COMMAND' shows more.")
    }
}

struct HelpPage: Report {
    let spec: CommandSpec

    enum Keys: String, CodingKey { case name, usage, summary, details, phrases, examples }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(spec.name, forKey: .name)
        try c.encode(spec.usage, forKey: .usage)
        try c.encode(spec.summary, forKey: .summary)
        try c.encode(spec.details, forKey: .details)
        try c.encode(spec.phrases.map(\.text), forKey: .phrases)
        try c.encode(spec.examples, forKey: .examples)
    }

    func render(into doc: inout Document) {
        doc.line(Span(spec.usage, .bold))
        doc.wrapped(Span("  "), text: spec.summary)
        if !spec.details.isEmpty {
            doc.blank()
            doc.wrapped(Span("  "), text: spec.details)
        }
        doc.blank()
        doc.line(Span("Also said as", .bold))
        // Words as typed, slots in capitals ("score of ACCOUNT"); free text after the account is "…".
        let phrases = spec.phrases.map { phrase in
            var text = phrase.text.replacingOccurrences(of: "{rest}", with: "…").replacingOccurrences(of: "{text}", with: "…")
            while let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
                text.replaceSubrange(open...close, with: text[text.index(after: open)..<close].uppercased())
            }
            return text
        }
        doc.wrapped(Span("  "), text: phrases.joined(separator: " · "))
        doc.blank()
        doc.line(Span("Examples", .bold))
        for example in spec.examples { doc.wrapped(Span("  cse> "), text: example) }
    }
}
