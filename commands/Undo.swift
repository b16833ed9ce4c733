import Intents
import Shell

/// `undo`: revert the newest change made in this shell (set, log, note, import).
struct UndoCommand: Command {
    let spec = CommandSpec(
        name: "undo",
        phrases: ["undo", "undo last", "undo last change", "undo that", "撤销", "撤回"],
        usage: "undo",
        summary: "revert the last change made in this shell",
        examples: ["undo", "撤销"],
        writes: true,
        natural: Natural(.none, cues: ["undo": 3, "take back": 2, "revert": 3, "take that back": 3, "撤回": 3, "撤销": 3]))

    func run(_ request: Request, in context: Context) throws -> Report {
        guard let description = try context.undoLast() else {
            throw CommandError("nothing to undo: no change has been made in this shell")
        }
        return Message("undid: \(description)")
    }
}
