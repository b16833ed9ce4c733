/// Customer segment, the axis seed 002 sets targets by (TTFV, NRR benchmarks, cadence).
public enum Segment: String, CaseIterable, Codable, Sendable {
    case enterprise
    case midMarket = "mid-market"
    case smb

    /// Spellings seen in CRM exports.
    public init?(parsing text: String) {
        switch text.comparable.replacingOccurrences(of: " ", with: "") {
        case "enterprise", "ent", "企业", "企业级": self = .enterprise
        case "midmarket", "mm", "mid", "中端市场", "中型": self = .midMarket
        case "smb", "small", "smallbusiness", "中小企业": self = .smb
        default: return nil
        }
    }

    public var label: String {
        switch self {
        case .enterprise: return "enterprise"
        case .midMarket: return "mid-market"
        case .smb: return "SMB"
        }
    }
}
