import Intents
import Shell
import Workspace

/// `note ACCOUNT TEXT`: keep what was learned; it shows in the timeline.
struct NoteCommand: Command {
    let spec = CommandSpec(
        name: "note",
        phrases: ["note {rest}", "add note {rest}", "备注 {rest}"],
        usage: "note ACCOUNT TEXT",
        summary: "keep a note on an account (dated today)",
        examples: ["note Acme Corp Maria asked for a workflow training", "note Hooli: new ops director starts in January", "备注 星辰科技 续约意向强"],
        accountSlots: ["rest"], writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        let rest = request["rest"]!
        var account: Account?
        var text = ""
        // "note Acme: text" — a colon may end the name; when what is before it names no
        // account, the colon is part of the note ("note Wayne call with Lucius: SSO blocked").
        if let colon = rest.firstIndex(of: ":") ?? rest.firstIndex(of: "：") {
            do {
                account = try context.account(String(rest[..<colon]).trimmingSpaces)
                text = String(rest[rest.index(after: colon)...]).trimmingSpaces
            } catch is CommandError {}
        }
        if account == nil {
            (account, text) = try context.account(leading: rest, usage: spec.usage) { $0.joined(separator: " ") }
        }
        guard let account else { throw CommandError("usage: \(spec.usage)") }
        guard !text.isEmpty else { throw CommandError("usage: \(spec.usage)") }
        try context.change("note on \(account.name)", [.addNote(Note(accountID: account.id!, date: context.today, text: text))])
        return NoteKept(account: account.name, date: context.today, text: text, author: context.user)
    }
}

struct NoteKept: Report {
    let account: String
    let date: Day
    let text: String
    let author: String

    func render(into doc: inout Document) {
        doc.wrapped(text: [Span("noted for "), Span(account, .bold), Span(" on \(date) by \(author): \(text)")])
    }
}
