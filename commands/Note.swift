import Intents
import Shell
import Workspace

/// `note ACCOUNT TEXT`: keep what was learned; it shows in the timeline.
struct NoteCommand: Command {
    let writes = true
    let spec = CommandSpec(
        name: "note",
        phrases: ["note {rest}", "add note {rest}", "备注 {rest}"],
        usage: "note ACCOUNT TEXT",
        summary: "keep a note on an account (dated today)",
        examples: ["note Acme Corp Maria asked for a workflow training", "note Hooli: new ops director starts in January", "备注 星辰科技 续约意向强"],
        accountSlots: ["rest"])

    func run(_ request: Request, in context: Context) throws -> Report {
        var rest = request["rest"]!
        // "note Acme: text" — a colon ends the name.
        var name: String?
        if let colon = rest.firstIndex(of: ":") ?? rest.firstIndex(of: "：") {
            name = String(rest[..<colon])
            rest = String(rest[rest.index(after: colon)...])
        }
        let account: Account
        let text: String
        if let name {
            account = try context.account(name.trimmingSpaces)
            text = rest.trimmingSpaces
        } else {
            (account, text) = try context.account(leading: rest, usage: spec.usage) { $0.joined(separator: " ") }
        }
        guard !text.isEmpty else { throw CommandError("usage: \(spec.usage)") }
        try context.change("note on \(account.name)", [.addNote(Note(accountID: account.id!, date: context.today, text: text))])
        return NoteKept(account: account.name, date: context.today, text: text)
    }
}

struct NoteKept: Report {
    let account: String
    let date: Day
    let text: String

    func render(into doc: inout Document) {
        doc.wrapped(text: [Span("noted for "), Span(account, .bold), Span(" on \(date): \(text)")])
    }
}
