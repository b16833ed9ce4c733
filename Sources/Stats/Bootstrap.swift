/// A percentile bootstrap interval that resamples whole groups (an account with all its
/// observation dates), so that repeated looks at one account do not pass for evidence.
/// A resample is given as how many times each group was drawn, so a statistic can weigh
/// rows it has sorted once instead of copying and sorting every resample.
public enum Bootstrap {
    public struct Interval: Equatable, Sendable {
        public var low: Double
        public var high: Double
        /// Resamples where the statistic was defined (both classes present).
        public var resamples: Int
    }

    /// The middle `level` of `statistic` over `resamples` draws of `groups` groups with
    /// replacement; `statistic` gets each group's multiplicity in the draw.
    public static func interval(groups: Int, resamples: Int = 1000, level: Double = 0.95, seed: UInt64 = 12,
                                statistic: ([Double]) -> Double?) -> Interval? {
        guard groups > 0 else { return nil }
        var random = SeededRandom(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        var counts = [Double](repeating: 0, count: groups)
        for _ in 0..<resamples {
            for i in counts.indices { counts[i] = 0 }
            for _ in 0..<groups { counts[Int(random.next() % UInt64(groups))] += 1 }
            if let v = statistic(counts) { values.append(v) }
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
