import Workspace

/// When the tier's intervention is due.
public enum Intervention {
    /// The tier's plan or next-contact date, never after a renewal still ahead: a next
    /// contact that falls after the renewal is brought forward to the renewal date.
    public static func due(tier: Tier, today: Day, renewal: Day?) -> Day {
        let due = today.adding(days: tier.intervention.planWithinDays)
        guard let renewal, renewal >= today, renewal < due else { return due }
        return renewal
    }
}
