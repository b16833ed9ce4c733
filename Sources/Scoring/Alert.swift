import Workspace

/// A monitor that fired, with the values that tripped it (SPEC.md section 2).
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
    /// The values that tripped it.
    public var evidence: Evidence
    public var who: String
    public var within: String
    /// What a model file's monitor is called (`monitor` is `.custom`).
    public var name: String? = nil

    public var label: String { name ?? monitor.label }
}

extension Alert: Encodable {
    enum Keys: String, CodingKey { case account, arr, monitor, label, severity, evidence, facts, who, within }

    /// The words and, under `facts`, the values they were made from.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account, forKey: .account)
        try c.encode(arr?.dollars, forKey: .arr)
        try c.encode(monitor.rawValue, forKey: .monitor)
        try c.encode(label, forKey: .label)
        try c.encode(severity == .orange ? "orange" : severity == .red ? "red" : "red_immediate", forKey: .severity)
        try c.encode(evidence.shown, forKey: .evidence)
        try c.encode(evidence, forKey: .facts)
        try c.encode(who, forKey: .who)
        try c.encode(within, forKey: .within)
    }
}
