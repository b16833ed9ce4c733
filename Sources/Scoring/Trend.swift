/// Seed 000's four-week trend over the last five weekly scores, tested in order:
/// rising (≥3 of 4 changes up and net ≥ +5 %), declining (≥3 down and net ≤ −5 %),
/// stable (every change within ±5 %), else volatile.
public struct Trend: Equatable, Sendable {
    public enum Direction: String, Codable, Sendable {
        case rising, declining, stable, volatile
        case notEnoughHistory = "not_enough_history"
    }

    public static let window = 5
    public static let threshold = 5.0

    public var direction: Direction
    /// The scores the verdict was made on, oldest first (up to five).
    public var scores: [Double]
    /// Week-over-week changes in percent.
    public var changes: [Double]
    /// Change from four weeks ago to now, in percent.
    public var net: Double?

    public init(weeklyScores: [Double]) {
        scores = Array(weeklyScores.suffix(Trend.window))
        changes = zip(scores, scores.dropFirst()).map { Trend.percentChange(from: $0, to: $1) }
        guard scores.count == Trend.window else {
            direction = .notEnoughHistory
            net = nil
            return
        }
        let net = Trend.percentChange(from: scores.first!, to: scores.last!)
        self.net = net
        let ups = changes.filter { $0 > 0 }.count
        let downs = changes.filter { $0 < 0 }.count
        if ups >= 3 && net >= Trend.threshold {
            direction = .rising
        } else if downs >= 3 && net <= -Trend.threshold {
            direction = .declining
        } else if changes.allSatisfy({ abs($0) <= Trend.threshold }) {
            direction = .stable
        } else {
            direction = .volatile
        }
    }

    static func percentChange(from a: Double, to b: Double) -> Double {
        if a == 0 { return b == 0 ? 0 : 100 }
        return (b - a) / a * 100
    }

    public var emoji: String {
        switch direction {
        case .rising: return "📈"
        case .declining: return "📉"
        case .stable: return "🟢"
        case .volatile: return "📊"
        case .notEnoughHistory: return "·"
        }
    }

    public var label: String {
        switch direction {
        case .notEnoughHistory: return "not enough history (\(scores.count) week\(scores.count == 1 ? "" : "s"))"
        default: return direction.rawValue
        }
    }
}
