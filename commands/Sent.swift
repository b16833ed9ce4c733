import Drafting
import Intents
import Shell
import Workspace

/// `sent`: the last draft went out — logged as an e-mail sent to its account today, with
/// its subject, so that it counts as a touch.
struct SentCommand: Command {
    let spec = CommandSpec(
        name: "sent",
        phrases: ["sent", "mark sent", "mark as sent", "mark it sent", "mark it as sent", "draft sent", "log sent", "已发送", "发了"],
        usage: "sent",
        summary: "log the last draft as an e-mail sent to its account today",
        details: "After 'copy' or 'save', once the e-mail has gone: it is logged as 'email sent' with its subject, and counts as the account's last touch.",
        examples: ["sent", "mark as sent", "已发送"],
        writes: true,
        natural: Natural(.none, cues: ["sent": 3, "mark it sent": 4, "已发送": 3, "发出去了": 3, "发了": 2], after: ["draft", "copy", "save"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let draft = try context.lastDraft()
        guard let account = try context.account(named: draft.account) else {
            throw CommandError("\(draft.account) is no longer in the workspace — nothing was logged")
        }
        let details = "\"\(draft.subject)\"" + (draft.to.isEmpty ? "" : " to " + draft.to.map(\.name).joined(separator: ", "))
        let event = Event(accountID: account.id!, date: context.today, kind: EventKind.emailSent.rawValue, details: details)
        try context.change("log \(account.name) email sent", [.addEvent(event)])
        return EventLogged(account: account.name, date: context.today, kind: event.kind, details: details, author: context.user)
    }
}
