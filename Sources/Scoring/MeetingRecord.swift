import Workspace

/// Whether the customer has met the CSM lately, from one definition every command reads:
/// the latest snapshot's meetings attended (a month's meetings, when the snapshots track
/// them and the week ended within the last 30 days), else the "meeting attended" events
/// logged in the last 30 days.
public struct MeetingRecord: Equatable, Sendable {
    public enum Source: String, Sendable { case snapshot, events }

    public static let days = 30

    public var source: Source
    /// Meetings attended: the snapshot's count, or the events logged.
    public var attended: Double
    public var scheduled: Double?
    /// The snapshot's week, when the snapshot is the source.
    public var week: Day?

    public var met: Bool { attended > 0 }

    public init(snapshots: [Snapshot], events: [Event], on today: Day) {
        if let latest = snapshots.last, latest.week.days(until: today) <= MeetingRecord.days, let attended = latest[.meetingsAttended] {
            source = .snapshot
            self.attended = attended
            scheduled = latest[.meetingsScheduled]
            week = latest.week
        } else {
            source = .events
            attended = Double(events.filter {
                $0.kind == EventKind.meetingAttended.rawValue && $0.date <= today && $0.date.days(until: today) <= MeetingRecord.days
            }.count)
        }
    }

    public init(_ health: AccountHealth) {
        self.init(snapshots: health.snapshots, events: health.records.events, on: health.asOf)
    }

    public var shown: String {
        let n = Format.number
        switch source {
        case .snapshot:
            let of = scheduled.map { " of \(n($0))" } ?? ""
            return "\(n(attended))\(of) meeting\(attended == 1 && scheduled == nil ? "" : "s") attended (snapshot of the week ending \(week!))"
        case .events:
            return attended == 0 ? "no meeting attended logged in \(MeetingRecord.days) days"
                : "\(Format.count(attended, "meeting")) attended logged in \(MeetingRecord.days) days"
        }
    }
}
