import Intents
import Shell

/// `quit` / `exit`: leave the shell (Ctrl-D does the same).
struct QuitCommand: Command {
    let spec = CommandSpec(
        name: "quit",
        phrases: ["quit", "exit", "bye", "q", "退出"],
        usage: "quit",
        summary: "leave the shell (or press Ctrl-D)",
        examples: ["quit", "exit", "退出"])

    func run(_ request: Request, in context: Context) throws -> Report { ExitRequest() }
}
