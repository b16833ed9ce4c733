import CEditLine
import Foundation
import Intents

/// The interactive shell: prompt, line editing, completion of command words and account
/// names, history kept in the workspace.
public enum REPL {
    public static func run(_ session: Session, banner: String?) {
        let completer = Completer(specs: session.commands.map(\.spec))
        let editor = LineEditor(prompt: "cse> ", historyPath: session.context.workspace.historyPath) { before, limit in
            // A completion that cannot read the workspace offers nothing: the line stays as typed.
            let completion = try? completer.complete(before, names: session.context.names, limit: limit, files: { folder in
                let path = session.context.path(folder.isEmpty ? "." : folder)
                let fm = FileManager.default
                return ((try? fm.contentsOfDirectory(atPath: path)) ?? []).map { name in
                    var isFolder: ObjCBool = false
                    _ = fm.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isFolder)
                    return isFolder.boolValue ? name + "/" : name
                }
            })
            return completion.map { ($0.replacing, $0.candidates, $0.total) } ?? (0, [], 0)
        }
        session.confirm = { question in editor.ask(question).map { Session.yes.contains(Session.plain($0)) } ?? false }
        session.context.confirm = session.confirm
        if let banner { print(banner) }
        while !session.exitRequested {
            switch editor.read() {
            case .end:
                print("")
                return
            case .cancelled:
                continue
            case .line(let line):
                editor.remember(line)
                session.renderer.width = Terminal.columns(of: STDOUT_FILENO) ?? session.renderer.width
                session.renderer.height = Terminal.rows(of: STDOUT_FILENO) ?? session.renderer.height
                session.run(line)
                Interrupt.reset()
            }
        }
    }
}

/// Facts about the terminal, read at the edge.
public enum Terminal {
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    public static func columns(of fd: Int32) -> Int? {
        let c = Int(cse_terminal_columns(fd))
        return c > 0 ? c : nil
    }

    public static func rows(of fd: Int32) -> Int? {
        let r = Int(cse_terminal_rows(fd))
        return r > 0 ? r : nil
    }

    /// Colour only on a terminal, never with NO_COLOR set (no-color.org) or TERM=dumb.
    public static func wantsColour(fd: Int32, environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal(fd)
    }
}
