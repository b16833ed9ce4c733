/// A percentile bootstrap interval that resamples whole groups (an account with all its
/// observation dates), so that repeated looks at one account do not pass for evidence.
public enum Bootstrap {
    public struct Interval: Equatable, Sendable {
        public var low: Double
        public var high: Double
        /// Resamples where the statistic was defined (both classes present).
        public var resamples: Int
    }

    /// The middle `level` of the statistic over `resamples` resamples of `groups`.
    public static func interval<T>(groups: [[T]], resamples: Int = 1000, level: Double = 0.95, seed: UInt64 = 12,
                                   statistic: ([T]) -> Double?) -> Interval? {
        guard !groups.isEmpty else { return nil }
        var random = SeededRandom(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        var sample: [T] = []
        for _ in 0..<resamples {
            sample.removeAll(keepingCapacity: true)
            for _ in groups.indices { sample += groups[Int(random.next() % UInt64(groups.count))] }
            if let v = statistic(sample) { values.append(v) }
        }
        guard values.count >= resamples / 2 else { return nil }
        values.sort()
        func quantile(_ q: Double) -> Double {
            let position = q * Double(values.count - 1)
            let lo = Int(position.rounded(.down)), hi = Int(position.rounded(.up))
            return values[lo] + (values[hi] - values[lo]) * (position - Double(lo))
        }
        return Interval(low: quantile((1 - level) / 2), high: quantile(1 - (1 - level) / 2), resamples: values.count)
    }
}
