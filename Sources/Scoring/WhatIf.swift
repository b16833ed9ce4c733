import Workspace

/// A hypothetical week: the latest snapshot (and profile) with some values changed,
/// re-scored. Nothing is written anywhere (`what if ACCOUNT nps 50 dau 20`).
public struct WhatIf: Sendable {
    public enum Change: Equatable, Sendable {
        case metric(SnapshotField, Double)
        /// A metric of the workspace's own that the model scores.
        case custom(String, Double)
        case plan(String)
        case arr(Money)
    }

    public struct Effect: Equatable, Sendable {
        public var change: Change
        /// What the value was before.
        public var was: String
        /// Score with this change alone, minus the score now.
        public var points: Double
    }

    public var baseline: HealthScore
    public var result: HealthScore
    public var effects: [Effect]

    public init(snapshot: Snapshot, history: ArraySlice<Snapshot> = [], records: AccountRecords, changes: [Change], model: HealthModel = .claw) {
        let account = records.account
        func apply(_ changes: [Change]) -> HealthScore {
            var s = snapshot
            var r = records
            for change in changes {
                switch change {
                case let .metric(field, value): s[field] = value; s.carried?[field] = nil
                case let .custom(name, value): s.custom[CustomMetric.key(name)] = value
                case let .plan(plan): r.account.plan = plan
                case let .arr(arr): r.account.arr = arr
                }
            }
            return model.score(s, history: history, records: r)
        }
        let baseline = model.score(snapshot, history: history, records: records)
        self.baseline = baseline
        result = apply(changes)
        effects = changes.map { change in
            let was: String
            switch change {
            case let .metric(field, _): was = snapshot[field].map { field.format($0) } ?? "missing"
            case let .custom(name, _): was = snapshot.custom[CustomMetric.key(name)].map(Format.number) ?? "missing"
            case .plan: was = account.plan ?? "none"
            case .arr: was = account.arr?.description ?? "none"
            }
            return Effect(change: change, was: was, points: apply([change]).total - baseline.total)
        }
    }
}
