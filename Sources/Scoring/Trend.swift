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
        // Counted in one pass, without lists in between: a book decodes 100,000 trends.
        let scores = weeklyScores.count <= Trend.window ? weeklyScores : Array(weeklyScores.suffix(Trend.window))
        self.scores = scores
        var changes: [Double] = []
        changes.reserveCapacity(max(0, scores.count - 1))
        var ups = 0, downs = 0, bigMove = false
        for i in scores.indices.dropFirst() {
            let step = scores[i] - scores[i - 1], change = Trend.percentChange(from: scores[i - 1], to: scores[i])
            changes.append(change)
            if step >= Trend.noise { ups += 1 }
            if step <= -Trend.noise { downs += 1 }
            if abs(step) >= Trend.noise && abs(change) > Trend.threshold { bigMove = true }
        }
        self.changes = changes
        guard scores.count == Trend.window else {
            direction = .notEnoughHistory
            net = nil
            return
        }
        let net = Trend.percentChange(from: scores.first!, to: scores.last!)
        self.net = net
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
