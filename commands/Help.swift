import Intents
import Shell

/// `help` and `help COMMAND`.
struct HelpCommand: Command {
    let spec = CommandSpec(
        name: "help",
        phrases: ["help", "?", "commands", "help {command}", "help with {command}", "{command} help", "how do i use {command}", "帮助", "帮助 {command}",
                  "{command}怎么用", "{command}命令怎么用"],
        usage: "help [COMMAND]",
        summary: "this list, or one command in detail",
        examples: ["help", "help score", "help list accounts", "帮助"],
        natural: Natural(.none, cues: ["help": 3, "what can you do": 4, "commands": 2, "how do i use": 3, "怎么用": 3, "你能做什么": 4, "帮助": 3]))

    /// What `help` opens with: questions a CSM asks, in English and Chinese, then follow-ups
    /// that go on from the answer (each checked by the tests to read as its command).
    static let questions: [(english: String, chinese: String)] = [
        ("how is Acme doing?", "Hooli最近怎么样"),
        ("why did Hooli's score drop?", "Acme为什么掉分了"),
        ("is Tyrell going to leave us?", "Hooli会流失吗"),
        ("which accounts are at risk for Priya?", "哪些客户有风险"),
        ("who renews before March?", "90天内续约"),
        ("what's on my plate today?", "今天先干啥"),
        ("draft a recap email to Acme", "给Acme写QBR回顾邮件"),
        ("how do we save Soylent?", "Hooli挽救计划"),
        ("what's our net retention last quarter?", "去年的净留存"),
        ("remind me to send Globex the deck by Friday", "给Acme加个任务：周五前给Maria打电话"),
    ]
    static let followUps = ["why?", "and Hooli?", "is it at risk?", "sort by ARR", "just Priya's", "为什么", "那Acme呢"]

    func run(_ request: Request, in context: Context) throws -> Report {
        guard let name = request.choice("command"), let spec = context.specs.first(where: { $0.name == name }) else { return HelpIndex(specs: context.specs) }
        return HelpPage(spec: spec)
    }
}

struct HelpIndex: Report {
    let specs: [CommandSpec]

    struct Entry: Encodable { var name, usage, summary: String }
    struct Payload: Encodable {
        var questions: [String]
        var followUps: [String]
        var commands: [Entry]
        enum CodingKeys: String, CodingKey { case questions, followUps = "follow_ups", commands }
    }

    func encode(to encoder: Encoder) throws {
        try Payload(questions: HelpCommand.questions.flatMap { [$0.english, $0.chinese] }, followUps: HelpCommand.followUps,
                    commands: specs.map { Entry(name: $0.name, usage: $0.usage, summary: $0.summary) }).encode(to: encoder)
    }

    func render(into doc: inout Document) {
        doc.line(Span("cse — Customer Success Engine", .bold))
        doc.wrapped(text: [Span("Ask as you would a colleague, in English or Chinese; cse says how it took the question (→ …) and answers.", .dim)])
        var asked = TextTable([.init("", wraps: true, share: 0.5), .init("", wraps: true)], indent: 2, showHeader: false)
        for q in HelpCommand.questions { asked.add(Span(q.english, .cyan), Span(q.chinese, .cyan)) }
        doc.table(asked)
        doc.wrapped(Span("  then: "), text: [Span(HelpCommand.followUps.joined(separator: " · "), .cyan)])
        doc.blank()
        doc.line(Span("Commands", .bold))
        var table = TextTable([.init("", wraps: true, share: 0.4), .init("", wraps: true)], indent: 2, showHeader: false)
        for spec in specs { table.add(Span(spec.usage, .cyan), Span(spec.summary)) }
        doc.table(table)
        doc.blank()
        doc.wrapped(text: "Account names need no quotes; a unique start is enough. A change to the workspace is made only from words that read one way; "
            + "put free text in quotes to keep words like 'due' or 'owner' in it. Tab completes commands and names; add --json to any command "
            + "for JSON. 'help COMMAND' shows more.")
    }
}

struct HelpPage: Report {
    let spec: CommandSpec

    enum Keys: String, CodingKey { case name, usage, summary, details, phrases, questions, examples }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(spec.name, forKey: .name)
        try c.encode(spec.usage, forKey: .usage)
        try c.encode(spec.summary, forKey: .summary)
        try c.encode(spec.details, forKey: .details)
        try c.encode(phrases, forKey: .phrases)
        try c.encode(questions, forKey: .questions)
        try c.encode(spec.examples, forKey: .examples)
    }

    /// The phrasings as typed, slots in capitals ("score of ACCOUNT"), each once.
    var phrases: [String] {
        var seen: [String] = []
        for phrase in spec.phrases {
            var text = phrase.text.replacingOccurrences(of: "{options}", with: "…").replacingOccurrences(of: "{text}", with: "TEXT")
            while let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
                let inside = text[text.index(after: open)..<close]
                text.replaceSubrange(open...close, with: (inside.split(separator: ":").first.map(String.init) ?? "").uppercased())
            }
            text = text.replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces)
            if !seen.contains(text) { seen.append(text) }
        }
        return seen
    }

    var questions: [String] { spec.natural.flatMap(\.questions) }

    func render(into doc: inout Document) {
        doc.line(Span(spec.usage, .bold))
        doc.wrapped(Span("  "), text: spec.summary)
        if !spec.details.isEmpty {
            doc.blank()
            doc.wrapped(Span("  "), text: spec.details)
        }
        if !questions.isEmpty {
            doc.blank()
            doc.line(Span("Asked as", .bold))
            doc.wrapped(Span("  "), text: questions.joined(separator: " · "))
        }
        doc.blank()
        doc.line(Span("Typed as", .bold))
        doc.wrapped(Span("  "), text: phrases.joined(separator: " · "))
        doc.blank()
        doc.line(Span("Examples", .bold))
        for example in spec.examples { doc.wrapped(Span("  cse> "), text: example) }
    }
}
