import Workspace

// The JSON form of scores (`--json`): snake_case keys, points rounded as printed,
// with the exact score alongside. Documented in the README.

func rounded(_ v: Double, _ places: Double = 10) -> Double { (v * places).rounded() / places }

extension DimensionScore: Encodable {
    enum Keys: String, CodingKey { case key, label, points, max, scaled, metrics }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(dimension.rawValue, forKey: .key)
        try c.encode(dimension.label, forKey: .label)
        try c.encode(points.map { rounded($0) }, forKey: .points)
        try c.encode(max, forKey: .max)
        try c.encode(metrics.contains { $0.points == nil } && points != nil, forKey: .scaled)
        try c.encode(metrics, forKey: .metrics)
    }
}

extension MetricScore: Encodable {
    enum Keys: String, CodingKey { case key, label, value, raw, points, max }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(key, forKey: .key)
        try c.encode(label, forKey: .label)
        try c.encode(reading?.shown, forKey: .value)
        try c.encode(reading.map { rounded($0.value, 10000) }, forKey: .raw)
        try c.encode(points.map { rounded($0) }, forKey: .points)
        try c.encode(max, forKey: .max)
    }
}

extension Trend: Encodable {
    enum Keys: String, CodingKey { case direction, label, scores, changesPct = "changes_pct", netPct = "net_pct" }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(direction, forKey: .direction)
        try c.encode(label, forKey: .label)
        try c.encode(scores.map { rounded($0) }, forKey: .scores)
        try c.encode(changes.map { rounded($0) }, forKey: .changesPct)
        try c.encode(net.map { rounded($0) }, forKey: .netPct)
    }
}

extension AccountHealth.Week: Encodable {
    enum Keys: String, CodingKey { case week, score, tier }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(week, forKey: .week)
        try c.encode(shown, forKey: .score)
        try c.encode(band.name, forKey: .tier)
    }
}
