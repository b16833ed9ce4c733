import Workspace

/// A monitor of seed 000 that fired, with the values that tripped it (SPEC.md section 2).
public struct Alert: Equatable, Sendable {
    public enum Severity: Int, Comparable, Sendable {
        case orange = 1, red = 2, redImmediate = 3

        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }

        public var emoji: String { self == .orange ? "🟠" : "🔴" }
        public var label: String {
            switch self {
            case .orange: return "orange"
            case .red: return "red"
            case .redImmediate: return "red, immediate"
            }
        }
    }

    public var account: String
    public var arr: Money?
    public var monitor: Monitor
    public var severity: Severity
    /// The values that tripped it, as a CSM would read them.
    public var evidence: String
    public var who: String
    public var within: String
}
