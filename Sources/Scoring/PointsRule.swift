/// How a reading becomes points: one band table per metric, read top to bottom as in SPEC.md.
public enum PointsRule: Sendable {
    /// ratio × max, capped at max.
    case proportional
    /// The first matching step wins; otherwise `otherwise`.
    case steps([Step], otherwise: Double)
    /// Sum of independent conditions on the reading's parts (community: posts, events, contributions).
    case sum([Step])
    /// Plan name already resolved to points; with no known plan, ARR in dollars through these steps.
    case planOrARR([Step], otherwise: Double)
    /// Straight lines through (value, points), clamped at both ends; a repeated value is a jump.
    case linear([(Double, Double)])

    public struct Step: Sendable {
        public enum Comparison: Sendable { case atLeast, above, below, atMost }
        public var comparison: Comparison
        public var limit: Double
        public var points: Double

        public func matches(_ x: Double) -> Bool {
            switch comparison {
            case .atLeast: return x >= limit
            case .above: return x > limit
            case .below: return x < limit
            case .atMost: return x <= limit
            }
        }

        public var describe: String {
            let op: String
            switch comparison {
            case .atLeast: op = "≥"
            case .above: op = ">"
            case .below: op = "<"
            case .atMost: op = "≤"
            }
            return "\(op)\(Format.number(limit)) → \(Format.number(points))"
        }
    }

    public func points(for reading: Reading, max: Double) -> Double {
        switch self {
        case .proportional:
            return Swift.min(reading.value * max, max)
        case let .steps(steps, otherwise):
            return steps.first { $0.matches(reading.value) }?.points ?? otherwise
        case let .sum(steps):
            return zip(steps, reading.parts).reduce(0) { $0 + ($1.0.matches($1.1) ? $1.0.points : 0) }
        case let .planOrARR(steps, otherwise):
            guard reading.plan == nil else { return reading.value }
            return steps.first { $0.matches(reading.value) }?.points ?? otherwise
        case let .linear(points):
            let x = reading.value
            guard let first = points.first, let last = points.last else { return 0 }
            if x < first.0 { return first.1 }
            if x >= last.0 { return last.1 }
            let i = points.lastIndex { $0.0 <= x }!
            let (x0, y0) = points[i], (x1, y1) = points[i + 1]
            return x1 == x0 ? y1 : y0 + (x - x0) / (x1 - x0) * (y1 - y0)
        }
    }
}

extension PointsRule {
    /// The band table as one line: "≥10 → 10, ≥7 → 8, else 0".
    public var describe: String {
        let n = Format.number
        switch self {
        case .proportional: return "share × maximum"
        case let .steps(steps, otherwise): return (steps.map(\.describe) + ["else \(n(otherwise))"]).joined(separator: ", ")
        case let .sum(steps): return "sum of " + steps.map(\.describe).joined(separator: " + ")
        case let .planOrARR(steps, otherwise):
            return "enterprise 5, professional 4, growth 3, starter 2; else ARR " + (steps.map(\.describe) + ["else \(n(otherwise))"]).joined(separator: ", ")
        case let .linear(points): return "straight lines through " + points.map { "(\(n($0.0)), \(n($0.1)))" }.joined(separator: " ")
        }
    }
}

// Shorthand for the band tables.
func atLeast(_ limit: Double, _ points: Double) -> PointsRule.Step { .init(comparison: .atLeast, limit: limit, points: points) }
func above(_ limit: Double, _ points: Double) -> PointsRule.Step { .init(comparison: .above, limit: limit, points: points) }
func below(_ limit: Double, _ points: Double) -> PointsRule.Step { .init(comparison: .below, limit: limit, points: points) }
func atMost(_ limit: Double, _ points: Double) -> PointsRule.Step { .init(comparison: .atMost, limit: limit, points: points) }
