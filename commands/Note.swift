import Intents
import Shell
import Workspace

/// `note ACCOUNT TEXT`: keep what was learned; it shows in the timeline.
struct NoteCommand: Command {
    let spec = CommandSpec(
        name: "note",
        phrases: ["note {account} {text}", "add note {account} {text}", "note on {account} {text}", "note for {account} {text}", "add a note to {account} {text}", "add a note to {account} that {text}", "add a note to {account} saying {text}",
                  "add a note on {account} {text}", "add a note for {account} {text}", "备注 {account} {text}", "备注{account} {text}",
                  "给{account}加个备注 {text}", "给{account}加备注 {text}", "{account}备注 {text}"],
        usage: "note ACCOUNT TEXT",
        summary: "keep a note on an account (dated today)",
        examples: ["note Acme Corp Maria asked for a workflow training", "note Hooli: new ops director starts in January", "备注 星辰科技 续约意向强"],
        writes: true,
        natural: Natural(.account, cues: ["note": 3, "jot down": 3, "jot": 2, "add a note": 3, "write down": 2, "备注": 3, "加个备注": 3, "记下": 2],
                         questions: ["jot down that Pied Piper asked about SSO", "备注星辰科技：客户想下季度加座位"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let text = request.text()!
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
