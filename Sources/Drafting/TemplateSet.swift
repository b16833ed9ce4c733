import Foundation
import Mustache

/// The templates a workspace drafts with: the built-in ones, each replaceable by
/// `templates/KIND.mustache`. A broken override is reported with its file, line and
/// column, and the built-in template is used instead.
public struct TemplateSet: Sendable {
    /// The folder of overrides (`templates/` in the workspace); nil for built-ins only.
    public var folder: String?

    public init(folder: String?) { self.folder = folder }

    public struct Rendered: Sendable {
        public var subject: String
        public var body: String
        public var warning: String?
    }

    /// Plain text: no HTML escaping of the values.
    static let pragma = "{{%CONTENT_TYPE:TEXT}}"

    public func render(_ kind: DraftKind, _ data: [String: Any]) -> Rendered {
        var warning: String?
        if let folder {
            let path = (folder as NSString).appendingPathComponent("\(kind.rawValue).mustache")
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let shown = "templates/\(kind.rawValue).mustache"
                switch TemplateSet.render(text, data, file: shown) {
                case .success(let rendered): return rendered
                case .failure(let problem): warning = "\(problem.reason) — using the built-in \(kind.label) template"
                }
            } else if FileManager.default.fileExists(atPath: path) {
                warning = "templates/\(kind.rawValue).mustache is not UTF-8 text — using the built-in \(kind.label) template"
            }
        }
        guard case .success(var rendered) = TemplateSet.render(BuiltInTemplates.text(kind), data, file: "built-in") else {
            preconditionFailure("the built-in \(kind.rawValue) template does not parse")
        }
        rendered.warning = warning
        return rendered
    }

    struct Problem: Error { var reason: String }

    static func render(_ text: String, _ data: [String: Any], file: String) -> Result<Rendered, Problem> {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber
            let column = error.context.columnNumber - (line == 1 ? pragma.count : 0)
            return .failure(Problem(reason: "\(file):\(line):\(column): \(describe(error.error))"))
        } catch {
            return .failure(Problem(reason: "\(file): \(error)"))
        }
        let output = template.render(data)
        guard output.hasPrefix("Subject:") else {
            return .failure(Problem(reason: "\(file):1:1: the first line must be 'Subject: …'"))
        }
        let newline = output.firstIndex(of: "\n") ?? output.endIndex
        let subject = output[output.index(output.startIndex, offsetBy: 8)..<newline].trimmingCharacters(in: .whitespaces)
        var body = newline < output.endIndex ? String(output[output.index(after: newline)...]) : ""
        while body.hasPrefix("\n") { body.removeFirst() }
        return .success(Rendered(subject: subject, body: body.trimmingCharacters(in: .newlines) + "\n", warning: nil))
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section closes with the wrong name"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section is opened and never closed"
        default: return "\(error)".contains("overflow") ? "the template ends inside an unclosed tag or section" : "template error (\(error))"
        }
    }
}
