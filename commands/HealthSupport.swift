import Scoring
import Shell
import Workspace

// Reading account health from the workspace: one place that every command which shows
// a score, tier or trend goes through.
extension Context {
    /// One account as it stands today, with every week for its sparkline.
    func health(of account: Account) throws -> AccountHealth {
        AccountHealth(account: account, snapshots: try store.snapshots(accountID: account.id!), asOf: today)
    }

    /// Every account as it stands today, from the last five weeks each (enough for the trend).
    func portfolio() throws -> [AccountHealth] {
        let recent = try store.recentSnapshots(through: today, limit: Trend.window)
        return try accounts().map { AccountHealth(account: $0, snapshots: recent[$0.id!] ?? [], asOf: today) }
    }
}

/// How an account's standing is named in lists: its tier, or why it has none.
enum Standing: Equatable {
    case tier(Tier)
    case churned
    case noData

    init(_ health: AccountHealth) {
        if health.isChurned { self = .churned } else if let tier = health.tier { self = .tier(tier) } else { self = .noData }
    }

    var label: String {
        switch self {
        case .tier(let t): return "\(t.emoji) \(t.label)"
        case .churned: return "churned"
        case .noData: return "no data"
        }
    }

    var key: String {
        switch self {
        case .tier(let t): return t.rawValue
        case .churned: return "churned"
        case .noData: return "no_data"
        }
    }

    var style: Style? {
        switch self {
        case .tier(let t): return t.style
        case .churned, .noData: return .dim
        }
    }
}

extension Tier {
    var style: Style {
        switch self {
        case .healthy: return .green
        case .warning: return .yellow
        case .highRisk: return .orange
        case .critical: return .red
        }
    }
}

/// ▁▂▃▄▅▆▇█ over the scores, scaled to their range (at least ten points, so noise stays flat).
func sparkline(_ scores: [Double]) -> String {
    guard let low = scores.min(), let high = scores.max() else { return "" }
    let bars = Array("▁▂▃▄▅▆▇█")
    let span = max(high - low, 10)
    let base = low - (span - (high - low)) / 2
    return String(scores.map { bars[max(0, min(bars.count - 1, Int((($0 - base) / span * Double(bars.count - 1)).rounded())))] })
}
