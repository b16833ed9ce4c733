/// A typed line made ready for matching once, so that every phrase of every command is
/// tried against it in time linear in its length: its Unicode scalars, their lower-case
/// forms, and which of them are spaces.
public struct PreparedLine: Sendable {
    public let scalars: [Unicode.Scalar]
    /// Lower-case forms, compared with a phrase's literal words.
    let folded: [Unicode.Scalar]
    let isSpace: [Bool]

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        folded = scalars.map(PreparedLine.fold)
        isSpace = scalars.map(\.properties.isWhitespace)
    }

    public var count: Int { scalars.count }

    /// The text of scalars `range`.
    public func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// True when everything in `range` is a space.
    func isBlank(_ range: Range<Int>) -> Bool { !range.contains { !isSpace[$0] } }

    /// ASCII letters and digits: Latin words must match whole ("score" is not "scoreboard").
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
    }

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value >= 65 && s.value <= 90 { return Unicode.Scalar(s.value + 32)! }
        if s.isASCII { return s }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : s
    }
}
