/// How product events become the seed's usage metrics (model.yaml `usage:`): which events
/// are core features, which are conversations, which make a user active that day, and the
/// offset from UTC of the day an event is filed under.
///
///     usage:
///       core_features: [Report Built, Dashboard Shared, Export Run]
///       conversations: [Message Sent]
///       active: [Logged In, Message Sent]     # omitted: any event makes a user active
///       utc_offset: "+08:00"                   # omitted: days are UTC days
public struct UsageRules: Equatable, Sendable {
    public var coreFeatures: [String]
    public var conversations: [String]
    /// nil: any event makes its user active that day.
    public var active: [String]?
    public var utcOffsetMinutes: Int

    /// The seed counts six core features (`core_features_used` is "of 6").
    public static let maxCoreFeatures = 6

    public init(coreFeatures: [String] = [], conversations: [String] = [], active: [String]? = nil, utcOffsetMinutes: Int = 0) {
        self.coreFeatures = coreFeatures
        self.conversations = conversations
        self.active = active
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    public static let none = UsageRules()

    /// Event names compare without regard to case: "Message Sent" and "message sent" are one event.
    public static func key(_ name: String) -> String { name.lowercased() }

    public func isCoreFeature(_ event: String) -> Bool { coreFeatures.contains { UsageRules.key($0) == UsageRules.key(event) } }
    public func isConversation(_ event: String) -> Bool { conversations.contains { UsageRules.key($0) == UsageRules.key(event) } }
    public func isActivity(_ event: String) -> Bool { active.map { $0.contains { UsageRules.key($0) == UsageRules.key(event) } } ?? true }

    /// "+08:00", "-0530", "Z" or "UTC" as minutes east of UTC.
    public static func offset(parsing text: String) -> Int? {
        let t = text.trimmingSpaces.uppercased()
        if t == "Z" || t == "UTC" || t == "0" || t == "+00:00" { return 0 }
        let bytes = Array(t.utf8)
        return Timestamp.offsetMinutes(bytes[...])
    }

    public var offsetShown: String {
        let m = abs(utcOffsetMinutes)
        return utcOffsetMinutes == 0 ? "UTC" : String(format: "UTC%@%02d:%02d", utcOffsetMinutes < 0 ? "-" : "+", m / 60, m % 60)
    }
}
