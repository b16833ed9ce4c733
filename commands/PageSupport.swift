import Foundation
import Pages
import Intents
import Shell

/// What `export qbr` and `export portfolio` share: reading the file and the paper from what
/// was typed, and writing the page as HTML, or as a PDF through headless Chromium.
struct PageFile {
    enum Format { case html, pdf }

    /// The file as typed.
    var typed: String
    var format: Format
    var paper: HTMLPage.Paper?
    /// Replace the file if it is there (`Context.mayReplace`).
    var force: Bool

    /// The file and paper a request names: the file's extension says the format.
    init(_ request: Request) throws {
        typed = request.text("file")!
        force = request.flag("force")
        paper = request.choice("paper").flatMap(HTMLPage.Paper.init(rawValue:))
        let lower = typed.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { format = .html }
        else if lower.hasSuffix(".pdf") { format = .pdf }
        else { throw CommandError("cannot tell the format of '\(typed.excerpt)' — end the name with .html (a page for a browser) or .pdf (printed through Chromium)") }
    }

    /// The paper a PDF is printed on: A4 unless 'letter' follows the file.
    static let paperOption = OptionSpec("paper", type: .choice(Vocabulary("paper", [HTMLPage.Paper.a4.rawValue: ["a4"], HTMLPage.Paper.letter.rawValue: ["letter"]])),
                                        "{value}", "on {value}")

    /// Writes `page`: HTML as it is, PDF printed on A4 unless Letter was asked for; false when
    /// the user keeps the file that is there.
    func write(_ page: HTMLPage, in context: Context) throws -> Bool {
        let path = context.path(typed)
        guard try context.mayReplace(path, shown: typed, force: force) else { return false }
        var page = page
        switch format {
        case .html:
            page.paper = paper
            do { try Data(page.html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw CommandError("cannot write \(typed): \((error as NSError).localizedDescription)")
            }
        case .pdf:
            page.paper = paper ?? .a4
            guard let program = Chromium.find(context.environment) else {
                throw CommandError("printing a PDF needs headless Chromium, and none was found — \(Chromium.install); or write \(typed.replacingOccurrences(of: ".pdf", with: ".html", options: [.caseInsensitive, .backwards])) and print it from a browser")
            }
            do { try Chromium.print(page, to: URL(fileURLWithPath: path), program: program) { Interrupt.requested } } catch let failure as Chromium.Failure {
                throw CommandError("cannot write \(typed): \(failure.description)")
            } catch {
                throw CommandError("cannot write \(typed): \((error as NSError).localizedDescription)")
            }
        }
        return true
    }

    /// "deck.html", or "deck.pdf (A4)".
    var written: String { format == .pdf ? "\(typed) (\((paper ?? .a4).rawValue))" : typed }
}

/// A page written: where, what it is, and what it holds.
struct PageWritten: Report {
    let file: String
    let what: String
    let contents: [String]
    let format: PageFile.Format

    enum Keys: String, CodingKey { case file, page, contents, format }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(file, forKey: .file)
        try c.encode(what, forKey: .page)
        try c.encode(contents, forKey: .contents)
        try c.encode(format == .pdf ? "pdf" : "html", forKey: .format)
    }

    func render(into doc: inout Document) {
        doc.wrapped(text: [Span("wrote "), Span(file, .bold), Span(": \(what) — " + contents.joined(separator: ", "))])
        doc.line(Span(format == .pdf ? "  open it in a PDF viewer" : "  open it in a browser; print it for a PDF (each section on its own page)", .dim))
    }
}
