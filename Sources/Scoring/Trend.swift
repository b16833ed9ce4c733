/// The four-week trend over the last five weekly scores, robust to noise. A week's change
/// counts as a move when it is 2 points or more (`noise`); tested in order:
/// rising — up 5 % or more net, with at most one move down; declining — the mirror;
/// volatile — moves both ways, one of them over 5 %; else stable. A slide of a point or
/// two a week is declining, and one step of 3 points is not volatile.
public struct Trend: Equatable, Sendable {
    public enum Direction: String, Codable, Sendable {
        case rising, declining, stable, volatile
        case notEnoughHistory = "not_enough_history"
    }

    public static let window = 5
    /// Net change, in percent, for rising or declining; and a move's size for volatile.
    public static let threshold = 5.0
    /// A week's change smaller than this many points is noise, not a move.
    public static let noise = 2.0

    /// The rule as `trend` and the README state it.
    public static let rule = "a week's change counts as a move from 2 points; rising: up 5% or more over four weeks with at most one move down; "
        + "declining: down 5% or more with at most one move up; volatile: moves both ways, one of them over 5%; otherwise stable"

    public var direction: Direction
    /// The scores the verdict was made on, oldest first (up to five).
    public var scores: [Double]
    /// Week-over-week changes in percent.
    public var changes: [Double]
    /// Change from four weeks ago to now, in percent.
    public var net: Double?
    /// Week-over-week changes of `noise` points or more, up and down.
    public var moves: (up: Int, down: Int) {
        let steps = zip(scores, scores.dropFirst()).map { $1 - $0 }
        return (steps.filter { $0 >= Trend.noise }.count, steps.filter { $0 <= -Trend.noise }.count)
    }

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
        let steps = zip(scores, scores.dropFirst()).map { $1 - $0 }
        let ups = steps.filter { $0 >= Trend.noise }.count, downs = steps.filter { $0 <= -Trend.noise }.count
        let bigMove = zip(steps, changes).contains { abs($0.0) >= Trend.noise && abs($0.1) > Trend.threshold }
        if net >= Trend.threshold && downs <= 1 {
            direction = .rising
        } else if net <= -Trend.threshold && ups <= 1 {
            direction = .declining
        } else if ups > 0 && downs > 0 && bigMove {
            direction = .volatile
        } else {
            direction = .stable
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
