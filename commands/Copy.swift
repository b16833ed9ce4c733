import Foundation
import Drafting
import Intents
import Shell

/// `copy [body|subject]`: the last draft onto the clipboard.
struct CopyCommand: Command {
    let spec = CommandSpec(
        name: "copy",
        phrases: ["copy", "copy it", "copy draft", "copy the draft", "copy the email", "copy all", "copy everything", "copy {part}", "copy the {part}",
                  "复制", "复制 {part}"],
        slots: ["part": .choice(CopyCommand.parts)],
        usage: "copy [body | subject]",
        summary: "the last draft (or its body or subject) onto the clipboard",
        details: """
            The first way that reaches a clipboard: CSE_CLIPBOARD=CMD (a command that reads standard input), pbcopy on \
            macOS, wl-copy under Wayland, xclip or xsel under X, else the OSC 52 escape when output is a terminal (over \
            SSH, and in tmux with 'set -g set-clipboard on'). Plain 'copy' takes the subject line, a blank line and the body.
            """,
        examples: ["copy", "copy body", "copy subject"],
        natural: Natural(.none, cues: ["copy": 3, "clipboard": 3, "复制": 3], after: ["draft"]))

    static let parts = Vocabulary("part of the draft", ["body": ["body", "text", "正文"], "subject": ["subject", "subject line", "主题"]])

    func run(_ request: Request, in context: Context) throws -> Report {
        let draft = try context.lastDraft()
        let part = request.choice("part") ?? "all"
        let text: String
        switch part {
        case "body": text = draft.body
        case "subject": text = DraftFile.clean(draft.subject)
        default: text = "Subject: \(DraftFile.clean(draft.subject))\n\n\(draft.body)"
        }
        let clipboard = Clipboard(environment: context.environment, stdoutIsTerminal: context.stdoutIsTerminal)
        do {
            let method = try clipboard.copy(text)
            let how: String
            switch method {
            case .command(let command): how = context.environment["CSE_CLIPBOARD"] == command ? "CSE_CLIPBOARD" : String(command.split(separator: " ")[0])
            case .osc52: how = "the terminal (OSC 52)"
            }
            let what = part == "all" ? "subject and body" : part
            return Message("copied the \(draft.kind.label) e-mail for \(draft.account) (\(what), \(text.count) characters) with \(how)"
                + (draft.missing.isEmpty ? "" : " — \(draft.missing.count) [bracket\(draft.missing.count == 1 ? "" : "s")] still to fill"))
        } catch let failure as Clipboard.Unreachable {
            throw CommandError("\(failure.reason) — 'save' writes the draft to a file instead")
        }
    }
}
