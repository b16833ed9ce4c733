import CEditLine
import Foundation

/// The interactive line: libedit in emacs mode with history, Ctrl-R search, tab
/// completion, and Ctrl-C that clears the line instead of killing the shell.
final class LineEditor {
    enum Input {
        case line(String)
        case cancelled
        case end
    }

    /// What tab completion offers for the text before the cursor: characters to replace and candidates.
    typealias Completer = (String) -> (replacing: Int, candidates: [String])

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String
    private let completer: Completer

    // libedit's callbacks are C function pointers without context: they reach the one
    // editor through this.
    nonisolated(unsafe) fileprivate static var current: LineEditor?
    nonisolated(unsafe) fileprivate static var promptText: UnsafeMutablePointer<CChar> = strdup("cse> ")
    fileprivate var cancelled = false

    init(prompt: String, historyPath: String, completer: @escaping Completer) {
        if let ctype = setlocale(LC_CTYPE, ""), !String(cString: ctype).lowercased().contains("utf") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        free(LineEditor.promptText)
        LineEditor.promptText = strdup(prompt)
        self.historyPath = historyPath
        self.completer = completer
        editLine = el_init("cse", cse_stdin(), cse_stdout(), cse_stderr())
        history = history_init()
        var event = HistEvent()
        cse_history_setsize(history, &event, 1000)
        cse_history_setunique(history, &event, 1)
        if FileManager.default.fileExists(atPath: historyPath) {
            cse_history_load(history, &event, historyPath)
        }
        cse_el_set_editor(editLine, "emacs")
        cse_el_set_signal(editLine, 1)
        cse_el_set_history(editLine, history)
        cse_el_set_prompt(editLine) { _ in UnsafePointer(LineEditor.promptText) }
        // Ctrl-C is a key while editing (cleared line), a signal while a command runs.
        cse_el_set_tty(editLine, "-d", "-isig")
        cse_el_add_function(editLine, "cse-complete", "complete a command or account name") { _, _ in
            LineEditor.current?.completeAtCursor() ?? UInt8(CC_ERROR)
        }
        cse_el_add_function(editLine, "cse-cancel", "cancel the line") { _, _ in
            LineEditor.current?.cancelled = true
            return UInt8(CC_NEWLINE)
        }
        cse_el_bind(editLine, "^I", "cse-complete")
        cse_el_bind(editLine, "^C", "cse-cancel")
        cse_el_bind(editLine, "^R", "em-inc-search-prev")
        LineEditor.current = self
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    func read() -> Input {
        cancelled = false
        var count: Int32 = 0
        let got = el_gets(editLine, &count)
        // Ctrl-C on an empty line gives no line at all: it is still a cancel, not the end.
        if cancelled {
            fputs("^C\n", cse_stdout())
            fflush(cse_stdout())
            return .cancelled
        }
        guard let raw = got else {
            return count < 0 ? .cancelled : .end
        }
        var line = String(cString: raw)
        while line.last?.isNewline == true { line.removeLast() }
        return .line(line)
    }

    /// Adds the line to the history and saves it in the workspace (through a rename, so
    /// a killed shell never leaves half a history file).
    func remember(_ line: String) {
        let line = line.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { return }
        var event = HistEvent()
        cse_history_enter(history, &event, line)
        let temporary = historyPath + ".saving"
        if cse_history_save(history, &event, temporary) >= 0 {
            rename(temporary, historyPath)
        }
    }

    fileprivate func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length).bindMemory(to: UInt8.self), as: UTF8.self)
        let (replacing, candidates) = completer(before)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let typed = String(before.unicodeScalars.suffix(replacing))
        if candidates.count == 1 {
            el_deletestr(editLine, Int32(replacing))
            // A folder goes on with its files; anything else ends a word.
            el_insertstr(editLine, candidates[0] + (candidates[0].hasSuffix("/") ? "" : " "))
            return UInt8(CC_REFRESH)
        }
        let common = LineEditor.commonPrefix(candidates)
        if common.unicodeScalars.count > typed.unicodeScalars.count {
            el_deletestr(editLine, Int32(replacing))
            el_insertstr(editLine, common)
            return UInt8(CC_REFRESH)
        }
        fputs("\n" + candidates.joined(separator: "   ") + "\n", cse_stdout())
        fflush(cse_stdout())
        return UInt8(CC_REDISPLAY)
    }

    /// Longest shared start, compared without case.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map({ Array($0) }) else { return "" }
        for word in words.dropFirst() {
            let w = Array(word)
            var n = 0
            while n < prefix.count, n < w.count, prefix[n].lowercased() == w[n].lowercased() { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }
}
