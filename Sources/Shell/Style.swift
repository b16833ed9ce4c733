/// The few styles cse uses; they become ANSI colours only on a terminal without NO_COLOR.
public enum Style: Sendable {
    case bold, dim, green, yellow, orange, red, cyan

    var ansi: String {
        switch self {
        case .bold: return "1"
        case .dim: return "2"
        case .green: return "32"
        case .yellow: return "33"
        case .orange: return "38;5;208"
        case .red: return "31"
        case .cyan: return "36"
        }
    }
}

/// A run of text with one style.
public struct Span: Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public var text: String
    public var style: Style?

    public init(_ text: String, _ style: Style? = nil) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var width: Int { DisplayWidth.of(Sanitizer.clean(text)) }
}
