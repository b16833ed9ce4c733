/// A day of the week, numbered as ISO 8601 does (Monday 1 … Sunday 7). A workspace's
/// weeks end on one of them (Sunday unless model.yaml says `week_ends:`).
public enum Weekday: Int, CaseIterable, Sendable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var name: String { String(describing: self) }

    /// "sunday", "Sun", "7".
    public init?(parsing text: String) {
        let t = text.trimmingSpaces.lowercased()
        if let n = Int(t), let day = Weekday(rawValue: n) { self = day; return }
        guard t.count >= 3, let day = Weekday.allCases.first(where: { $0.name.hasPrefix(t) }) else { return nil }
        self = day
    }
}

extension Day {
    public var dayOfWeek: Weekday { Weekday(rawValue: weekday)! }

    /// The end of the week that contains this day, for weeks ending on `end`.
    public func weekEnd(on end: Weekday) -> Day { adding(days: (end.rawValue - weekday + 7) % 7) }

    /// The end of the last complete week on or before this day.
    public func lastWeekEnd(on end: Weekday) -> Day { adding(days: -((weekday - end.rawValue + 7) % 7)) }
}
