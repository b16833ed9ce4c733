import Foundation

/// A replayable session (DESIGN.md): `# key: value` directives, then `cse> ` input lines,
/// each followed by the output a person would see.
public struct Transcript: Equatable, Sendable {
    public static let prompt = "cse> "

    public struct Step: Equatable, Sendable {
        public var input: String
        public var output: [String]
    }

    /// Lines before the first prompt, kept as written.
    public var preamble: [String]
    public var steps: [Step]

    public var directives: [String: String] {
        var result: [String: String] = [:]
        for line in preamble where line.hasPrefix("# ") {
            let body = line.dropFirst(2)
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            result[key] = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    public init(preamble: [String], steps: [Step]) {
        self.preamble = preamble
        self.steps = steps
    }

    public init(parsing text: String) {
        var preamble: [String] = []
        var steps: [Step] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = Transcript.trimTrailing(String(rawLine))
            if line.hasPrefix(Transcript.prompt) || line == Transcript.prompt.trimmingCharacters(in: .whitespaces) {
                steps.append(Step(input: String(line.dropFirst(Transcript.prompt.count)), output: []))
            } else if steps.isEmpty {
                preamble.append(line)
            } else {
                steps[steps.count - 1].output.append(line)
            }
        }
        if !steps.isEmpty {
            while steps[steps.count - 1].output.last == "" { steps[steps.count - 1].output.removeLast() }
        }
        self.preamble = preamble
        self.steps = steps
    }

    public var text: String {
        var lines = preamble
        for step in steps {
            lines.append(Transcript.prompt + step.input)
            lines += step.output
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func trimTrailing(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " || s.last == "\t" || s.last == "\r" { s.removeLast() }
        return String(s)
    }
}
