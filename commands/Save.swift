import Foundation
import Drafting
import Intents
import Shell
import Workspace

/// `save [PATH]`: the last draft as .eml (or .md), by default into the workspace's drafts/.
struct SaveCommand: Command {
    let spec = CommandSpec(
        name: "save",
        phrases: ["save", "save it", "save draft", "save the draft", "save {path}", "save as {path}", "save it as {path}", "save draft {path}",
                  "save draft as {path}", "保存", "保存 {path}", "存一下", "保存草稿"],
        slots: ["path": .file],
        options: [Words.forceOption],
        usage: "save [PATH.eml | PATH.md] [--force]",
        summary: "write the last draft as an .eml a mail client opens, or as Markdown",
        details: """
            The format follows the extension. Without a path it goes to drafts/ in the workspace, named from the account, \
            the kind and the date. The .eml is RFC 5322 with a UTF-8 body (7bit, or quoted-printable when it has \
            non-ASCII characters), non-ASCII subjects and names encoded per RFC 2047, and X-Unsent so mail clients open it as a draft.
            """,
        examples: ["save", "save ~/Desktop/acme-recap.eml", "save recap.md"],
        natural: Natural(.none, cues: ["save it": 3, "save the draft": 4, "save draft": 4, "save": 1, "存一下": 3, "保存": 3, "存": 2], after: ["draft", "copy"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let draft = try context.lastDraft()
        let path: String
        let shown: String
        let format: DraftFile.Format
        if let typed = request.text("path") {
            guard let f = DraftFile.Format(path: typed) else { throw CommandError("save as .eml or .md — '\(typed)' has neither extension") }
            format = f
            path = context.path(typed)
            shown = typed
        } else {
            format = .eml
            let folder = (context.workspace.path as NSString).appendingPathComponent("drafts")
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let name = DraftFile.defaultName(draft, format: format)
            path = (folder as NSString).appendingPathComponent(name)
            shown = "drafts/\(name)"
        }
        guard try context.mayReplace(path, shown: shown, force: request.flag("force")) else { return Context.kept(shown) }
        do {
            try Data(DraftFile.render(draft, as: format).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError("cannot write \(shown): \((error as NSError).localizedDescription)")
        }
        return Message("saved the \(draft.kind.label) e-mail for \(draft.account) to \(shown)" + (format == .eml ? " — open it in your mail client" : ""))
    }
}
