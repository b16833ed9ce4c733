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

    /// What tab completion offers for the text before the cursor, listing at most `limit`:
    /// characters to replace, candidates, and how many there are in all.
    typealias Completer = (_ before: String, _ limit: Int) -> (replacing: Int, candidates: [String], total: Int)

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

    /// Asks a question on the line (a yes-or-no before a change); nil when cancelled. The
    /// answer is not kept in the history.
    func ask(_ question: String) -> String? {
        let prompt = LineEditor.promptText
        LineEditor.promptText = strdup(question)
        defer {
            free(LineEditor.promptText)
            LineEditor.promptText = prompt
        }
        switch read() {
        case .line(let answer): return answer
        case .cancelled, .end: return nil
        }
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
        // No more names than fit the screen are listed without asking.
        let screen = max(10, (Terminal.rows(of: STDOUT_FILENO) ?? 24) - 2)
        var (replacing, candidates, total) = completer(before, screen)
        if candidates.isEmpty && total > 0 {
            fputs("\nDisplay all \(total) possibilities? (y or n) ", cse_stdout())
            fflush(cse_stdout())
            var c: CChar = 0
            guard el_getc(editLine, &c) == 1, c == CChar(UInt8(ascii: "y")) || c == CChar(UInt8(ascii: "Y")) else {
                fputs("\n", cse_stdout())
                return UInt8(CC_REDISPLAY)
            }
            (replacing, candidates, total) = completer(before, total)
            fputs("\n", cse_stdout())
        }
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
        fputs("\n" + LineEditor.columns(candidates, width: Terminal.columns(of: STDOUT_FILENO) ?? 80), cse_stdout())
        fflush(cse_stdout())
        return UInt8(CC_REDISPLAY)
    }

    /// Candidates in columns that fit the width, down each column first (as readline lists them);
    /// a name wider than the line has a line of its own.
    static func columns(_ words: [String], width: Int) -> String {
        let widest = words.map(DisplayWidth.of).max() ?? 0
        let perLine = max(1, (width + 3) / (widest + 3))
        let lines = (words.count + perLine - 1) / perLine
        var out = ""
        for line in 0..<lines {
            let row = stride(from: line, to: words.count, by: lines).map { words[$0] }
            out += row.enumerated().map { i, w in i == row.count - 1 ? w : DisplayWidth.pad(w, to: widest) }.joined(separator: "   ") + "\n"
        }
        return out
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
