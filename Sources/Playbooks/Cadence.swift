import Workspace

/// Seed 002's engagement cadence ("不同等级的客户互动频率"): how often to meet, check in,
/// hold a QBR and reach the executives, by segment. SMB accounts under $5,000 ARR follow
/// the self-serve row, as the seed's revenue bands put them there.
public struct Cadence: Equatable, Sendable {
    public enum Row: String, Codable, Sendable {
        case enterprise, midMarket = "mid-market", smb, selfServe = "self-serve"
    }

    public var row: Row
    public var meetings: String
    public var checkIns: String
    public var qbr: String
    public var executive: String
    /// Days between QBRs; nil when the row holds none.
    public var qbrEveryDays: Int?
    /// Days between check-ins, the touch cadence; nil when they are automated.
    public var checkInEveryDays: Int? {
        switch row {
        case .enterprise: return 7
        case .midMarket: return 14
        case .smb: return 30
        case .selfServe: return nil
        }
    }

    public init(_ account: Account) {
        switch account.segment {
        case .enterprise?: self.init(.enterprise)
        case .midMarket?: self.init(.midMarket)
        case .smb? where (account.arr?.cents ?? 0) < 500_000: self.init(.selfServe)
        case .smb?, nil: self.init(.smb)
        }
    }

    public init(_ row: Row) {
        self.row = row
        switch row {
        case .enterprise: (meetings, checkIns, qbr, executive, qbrEveryDays) = ("every two weeks", "weekly", "quarterly", "quarterly", 91)
        case .midMarket: (meetings, checkIns, qbr, executive, qbrEveryDays) = ("monthly", "every two weeks", "twice a year", "twice a year", 182)
        case .smb: (meetings, checkIns, qbr, executive, qbrEveryDays) = ("quarterly", "monthly", "yearly", "none", 365)
        case .selfServe: (meetings, checkIns, qbr, executive, qbrEveryDays) = ("none (reactive)", "automated", "none", "none", nil)
        }
    }

    /// "mid-market: meetings monthly, check-ins every two weeks, QBR twice a year, executive touch twice a year".
    public var summary: String {
        "\(row.rawValue) cadence: meetings \(meetings), check-ins \(checkIns), QBR \(qbr), executive touch \(executive)"
    }
}
