import Workspace
import Yams

/// A workspace's `model.yaml`: which model scores (claw, engine, analyst) and what it
/// changes — dimension weights, a metric's band table, tier cut-offs, per-segment cut-offs.
/// Everything is checked before the model is used; the first problem is thrown with its
/// line and column, so a file that does not add up never scores anything.
///
///     model: claw
///     weights: {product_usage: 35, business_value: 20, engagement: 20, technical_health: 15, relationship: 10}
///     bands:
///       nps: [{at_least: 40, points: 5}, {at_least: 0, points: 3}, {otherwise: 0}]
///     tiers: {healthy: 85, warning: 65, high_risk: 45}
///     segments:
///       smb: {tiers: {healthy: 75, warning: 55, high_risk: 35}}
public enum ModelFile {
    public static let name = "model.yaml"

    /// `fitted` reads a model `calibrate` saved, by name (models/NAME.yaml), for `fitted:`.
    public static func parse(_ text: String, file: String = name, fitted: ((String) throws -> FittedChurnModel)? = nil) throws -> HealthModel {
        do { try YAMLLimits.check(text, file: file) } catch let failure as ImportFailure { throw failure.problems[0] }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw problem(from: error, file: file)
        }
        guard let root else { return .claw }
        guard let map = root.mapping else { throw fail(file, root, "expected a mapping with model:, weights:, bands:, tiers: or segments:") }
        let keys = ["model", "weights", "bands", "tiers", "segments", "week_ends", "usage", "custom_metrics", "monitors", "fitted"]
        var model = HealthModel.claw
        if let node = map["model"] {
            guard let name = node.string, let named = HealthModel.named(name.lowercased()) else {
                throw fail(file, node, "unknown model '\(node.string ?? "")' — use claw, engine or analyst")
            }
            model = named
        }
        // A custom metric adds its points to a dimension before the weights are read.
        if let node = map["custom_metrics"] { try addCustomMetrics(node, to: &model, file: file) }
        for (key, value) in map {
            switch key.string ?? "" {
            case "model", "custom_metrics": continue
            case "monitors": model.monitors = try monitors(value, file: file)
            case "fitted":
                guard let name = value.string, !name.isEmpty else { throw fail(file, value, "fitted: names a model calibrate saved, e.g. fitted-2026-11-24") }
                guard let fitted else { throw fail(file, value, "fitted: is read from the workspace's models folder") }
                do { model.fitted = try fitted(name) } catch let problem as ImportProblem {
                    throw fail(file, value, "fitted model \(name) refused — \(problem)")
                } catch {
                    throw fail(file, value, "no fitted model \(name) in models/ — 'calibrate' writes one")
                }
            case "weights": try applyWeights(value, to: &model, file: file)
            case "bands": try applyBands(value, to: &model, file: file)
            case "tiers": model.tiers = try tiers(value, base: model.tiers, file: file)
            case "week_ends":
                guard let day = value.string.flatMap(Weekday.init(parsing:)) else {
                    throw fail(file, value, "week_ends is a day of the week: monday … sunday")
                }
                model.weekEnds = day
            case "usage": model.usage = try usage(value, file: file)
            case "segments":
                guard let segments = value.mapping else { throw fail(file, value, "segments must map a segment to its tiers") }
                for (segmentKey, body) in segments {
                    guard let segment = Segment(parsing: segmentKey.string ?? "") else {
                        throw fail(file, segmentKey, "unknown segment '\(segmentKey.string ?? "")' — use enterprise, mid-market or smb")
                    }
                    guard let body = body.mapping, let tierNode = body["tiers"], body.count == 1 else {
                        throw fail(file, body, "a segment takes one key, tiers:")
                    }
                    model.segmentTiers[segment] = try tiers(tierNode, base: model.tiers, file: file)
                }
            default:
                throw fail(file, key, "unknown key '\(key.string ?? "")' — expected \(keys.joined(separator: ", "))")
            }
        }
        if let node = map["custom_metrics"] {
            let total = model.dimensions.reduce(0) { $0 + model.maximum(of: $1) }
            guard abs(total - 100) < 1e-9 else {
                throw fail(file, node, "with custom_metrics the model's points add up to \(Format.number(total)), not 100 — "
                    + "give weights: for the dimensions so that they add up to 100")
            }
        }
        return model
    }

    /// `custom_metrics:` — each a metric of the workspace's own that the model scores:
    /// `name: {dimension: D, max: P, bands: [...]}`, listed after the dimension's own metrics.
    private static func addCustomMetrics(_ node: Node, to model: inout HealthModel, file: String) throws {
        guard let map = node.mapping else { throw fail(file, node, "custom_metrics must map a metric's name to {dimension:, max:, bands:}") }
        for (key, value) in map {
            guard let name = key.string?.trimmingSpaces, !name.isEmpty else { throw fail(file, key, "a custom metric needs a name") }
            if SnapshotField.named(name) != nil || model.rules.contains(where: { CustomMetric.key($0.key) == CustomMetric.key(name) }) {
                throw fail(file, key, "'\(name)' is already a metric of the model or a snapshot column: a custom metric has a name of its own")
            }
            guard let body = value.mapping else { throw fail(file, value, "a custom metric is {dimension: D, max: P, bands: [...]}") }
            for k in body.keys where !["dimension", "max", "bands"].contains(k.string ?? "") {
                throw fail(file, k, "unknown key '\(k.string ?? "")' — a custom metric has dimension, max and bands")
            }
            guard let dNode = body["dimension"], let dimension = Dimension(rawValue: dNode.string ?? ""), model.dimensions.contains(dimension) else {
                throw fail(file, body["dimension"] ?? value, "dimension: one of the \(model.name) model's — " + model.dimensions.map(\.rawValue).joined(separator: ", "))
            }
            guard let mNode = body["max"], let max = number(mNode), max > 0 else { throw fail(file, body["max"] ?? value, "max: the metric's points, a number above 0") }
            guard let bands = body["bands"] else { throw fail(file, value, "bands: the metric's band table, ending with {otherwise: P}") }
            var rule = HealthModel.Rule(.custom, in: dimension, max: max, try steps(bands, max: max, file: file))
            rule.name = name
            let at = (model.rules.lastIndex { $0.dimension == dimension } ?? model.rules.count - 1) + 1
            model.rules.insert(rule, at: at)
        }
    }

    /// `monitors:` — a list of {metric: NAME, below|above: N or drop_pct: P [weeks: W], severity, who, within}.
    private static func monitors(_ node: Node, file: String) throws -> [CustomMonitor] {
        guard let list = node.sequence else { throw fail(file, node, "monitors is a list of {metric: NAME, below: N, severity: orange}") }
        return try list.map { item in
            guard let m = item.mapping else { throw fail(file, item, "a monitor is {metric: NAME, below|above: N or drop_pct: P, severity: orange|red}") }
            for k in m.keys where !["metric", "below", "above", "drop_pct", "weeks", "severity", "who", "within"].contains(k.string ?? "") {
                throw fail(file, k, "unknown key '\(k.string ?? "")' — a monitor has metric, below, above or drop_pct (with weeks), severity, who, within")
            }
            guard let name = m["metric"]?.string?.trimmingSpaces, !name.isEmpty else { throw fail(file, item, "a monitor names its metric: metric: NAME") }
            let conditions = ["below", "above", "drop_pct"].filter { m[$0] != nil }
            guard conditions.count == 1, let limitNode = m[conditions[0]], let limit = number(limitNode) else {
                throw fail(file, item, "a monitor has one of below: N, above: N or drop_pct: P")
            }
            var weeks = 4
            if let w = m["weeks"] {
                guard conditions[0] == "drop_pct", let n = w.int, n >= 1, n <= 52 else { throw fail(file, w, "weeks: 1 to 52, with drop_pct") }
                weeks = n
            }
            let condition: CustomMonitor.Condition = conditions[0] == "below" ? .below(limit) : conditions[0] == "above" ? .above(limit) : .dropPercent(limit, weeks: weeks)
            if case .dropPercent = condition, !(limit > 0 && limit < 100) { throw fail(file, limitNode, "drop_pct is a percent between 0 and 100") }
            var severity = Alert.Severity.orange
            if let s = m["severity"] {
                switch s.string?.lowercased() {
                case "orange": severity = .orange
                case "red": severity = .red
                default: throw fail(file, s, "severity: orange or red")
                }
            }
            return CustomMonitor(metric: name, condition: condition, severity: severity,
                                 who: m["who"]?.string ?? "CSM", within: m["within"]?.string ?? "this week")
        }
    }

    /// Each dimension's points; those not named keep the model's. They must add up to 100.
    private static func applyWeights(_ node: Node, to model: inout HealthModel, file: String) throws {
        guard let map = node.mapping else { throw fail(file, node, "weights must map a dimension to its points") }
        var weights: [Dimension: Double] = [:]
        for (key, value) in map {
            guard let dimension = Dimension(rawValue: key.string ?? ""), model.dimensions.contains(dimension) else {
                throw fail(file, key, "the \(model.name) model has no dimension '\(key.string ?? "")' — it has "
                    + model.dimensions.map(\.rawValue).joined(separator: ", "))
            }
            guard let weight = number(value), weight > 0 else { throw fail(file, value, "a weight is a number above 0") }
            weights[dimension] = weight
        }
        let total = model.dimensions.reduce(0) { $0 + (weights[$1] ?? model.maximum(of: $1)) }
        guard abs(total - 100) < 1e-9 else {
            throw fail(file, node, "weights add up to \(Format.number(total)), not 100")
        }
        for (dimension, weight) in weights {
            let scale = weight / model.rules.filter { $0.dimension == dimension }.reduce(0) { $0 + $1.base }
            for i in model.rules.indices where model.rules[i].dimension == dimension { model.rules[i].scale = scale }
        }
    }

    /// A metric's band table, top to bottom as SPEC.md writes them; the first row that
    /// matches wins, so every row must catch values the rows above it did not.
    private static func applyBands(_ node: Node, to model: inout HealthModel, file: String) throws {
        guard let map = node.mapping else { throw fail(file, node, "bands must map a metric to its rows") }
        for (key, value) in map {
            guard let index = model.rules.firstIndex(where: { $0.key == (key.string ?? "") }) else {
                throw fail(file, key, "the \(model.name) model does not score '\(key.string ?? "")' — it scores "
                    + model.rules.map(\.key).joined(separator: ", "))
            }
            let metric = model.rules[index].key
            if case .sum = model.rules[index].points { throw fail(file, key, "\(metric) adds three conditions; its table cannot be replaced") }
            if case .planOrARR = model.rules[index].points { throw fail(file, key, "\(metric) is scored by plan; its table cannot be replaced") }
            model.rules[index].points = try steps(value, max: model.rules[index].base, file: file)
        }
    }

    private static func steps(_ node: Node, max: Double, file: String) throws -> PointsRule {
        guard let rows = node.sequence, !rows.isEmpty else {
            throw fail(file, node, "a band table is a list of rows like {at_least: 50, points: 5}, ending with {otherwise: 0}")
        }
        var steps: [PointsRule.Step] = []
        var otherwise: Double?
        for row in rows {
            guard let pairs = row.mapping else { throw fail(file, row, "a row is {at_least|above|at_most|below: N, points: P} or {otherwise: P}") }
            if otherwise != nil { throw fail(file, row, "a row after otherwise: can never match") }
            if let rest = pairs["otherwise"] {
                guard pairs.count == 1, let points = number(rest) else { throw fail(file, row, "otherwise: takes the points alone") }
                try checkPoints(points, max: max, rest, file: file)
                otherwise = points
                continue
            }
            let comparisons: [(String, PointsRule.Step.Comparison)] = [("at_least", .atLeast), ("above", .above), ("at_most", .atMost), ("below", .below)]
            let found = comparisons.filter { pairs[$0.0] != nil }
            guard found.count == 1, pairs.count == 2, let pointsNode = pairs["points"], let points = number(pointsNode),
                  let limitNode = pairs[found[0].0], let limit = number(limitNode) else {
                throw fail(file, row, "a row is {at_least|above|at_most|below: N, points: P}")
            }
            try checkPoints(points, max: max, pointsNode, file: file)
            let step = PointsRule.Step(comparison: found[0].1, limit: limit, points: points)
            if let previous = steps.last, let reason = overlap(previous, step) { throw fail(file, row, reason) }
            steps.append(step)
        }
        return .steps(steps, otherwise: otherwise ?? 0)
    }

    /// Why `next` can never match after `previous`, or why the two point different ways.
    static func overlap(_ previous: PointsRule.Step, _ next: PointsRule.Step) -> String? {
        let descending: Set<PointsRule.Step.Comparison> = [.atLeast, .above]
        guard descending.contains(previous.comparison) == descending.contains(next.comparison) else {
            return "bands overlap: \(previous.describe) and \(next.describe) mix 'at least' and 'at most' rows"
        }
        let newValues = descending.contains(next.comparison)
            ? next.limit < previous.limit || (next.limit == previous.limit && previous.comparison == .above && next.comparison == .atLeast)
            : next.limit > previous.limit || (next.limit == previous.limit && previous.comparison == .below && next.comparison == .atMost)
        return newValues ? nil : "bands overlap: \(next.describe) can never match, \(previous.describe) above it already takes those values"
    }

    private static func checkPoints(_ points: Double, max: Double, _ node: Node, file: String) throws {
        guard points >= 0 && points <= max else {
            throw fail(file, node, "points must be 0…\(Format.number(max)), the metric's maximum before weighting")
        }
    }

    /// Cut-offs by tier name; the names are the model's, highest first, strictly decreasing.
    private static func tiers(_ node: Node, base: TierScheme, file: String) throws -> TierScheme {
        guard let map = node.mapping else { throw fail(file, node, "tiers must map a tier to its lowest score") }
        var scheme = base
        for (key, value) in map {
            guard let i = scheme.bands.firstIndex(where: { $0.name == (key.string ?? "").replacingOccurrences(of: " ", with: "_").lowercased() }) else {
                throw fail(file, key, "no tier '\(key.string ?? "")' in this model — its tiers are " + base.bands.map(\.name).joined(separator: ", "))
            }
            guard let bound = number(value), bound >= 0, bound <= 100 else { throw fail(file, value, "a cut-off is a score from 0 to 100") }
            if i == scheme.bands.count - 1 && bound != 0 {
                throw fail(file, value, "\(scheme.bands[i].name) is the lowest tier; it starts at 0")
            }
            scheme.bands[i].lowerBound = bound
        }
        for (upper, lower) in zip(scheme.bands, scheme.bands.dropFirst()) where upper.lowerBound <= lower.lowerBound {
            throw fail(file, node, "cut-offs out of order: \(upper.name) starts at \(Format.number(upper.lowerBound)), "
                + "which is not above \(lower.name) at \(Format.number(lower.lowerBound))")
        }
        return scheme
    }

    /// `usage:` — core_features, conversations and active (lists of event names), utc_offset.
    private static func usage(_ node: Node, file: String) throws -> UsageRules {
        guard let map = node.mapping else { throw fail(file, node, "usage must map core_features:, conversations:, active: or utc_offset:") }
        var rules = UsageRules()
        func names(_ value: Node, _ key: String) throws -> [String] {
            let list = value.sequence.map(Array.init) ?? (value.scalar != nil ? [value] : [])
            guard !list.isEmpty else { throw fail(file, value, "\(key) is a list of event names, as the export writes them") }
            var seen = Set<String>()
            return try list.map { item in
                guard let name = item.string?.trimmingSpaces, !name.isEmpty else { throw fail(file, item, "an event name is text") }
                guard seen.insert(UsageRules.key(name)).inserted else { throw fail(file, item, "'\(name)' is listed twice") }
                return name
            }
        }
        for (key, value) in map {
            switch key.string ?? "" {
            case "core_features":
                rules.coreFeatures = try names(value, "core_features")
                guard rules.coreFeatures.count <= UsageRules.maxCoreFeatures else {
                    throw fail(file, value, "core_features lists \(rules.coreFeatures.count) events; the model counts \(UsageRules.maxCoreFeatures) core features at most")
                }
            case "conversations": rules.conversations = try names(value, "conversations")
            case "active": rules.active = try names(value, "active")
            case "utc_offset":
                guard let text = value.string, let minutes = UsageRules.offset(parsing: text) else {
                    throw fail(file, value, "utc_offset is an offset such as \"+08:00\", \"-05:00\" or \"UTC\"")
                }
                rules.utcOffsetMinutes = minutes
            default:
                throw fail(file, key, "unknown key '\(key.string ?? "")' under usage — expected core_features, conversations, active or utc_offset")
            }
        }
        return rules
    }

    private static func number(_ node: Node) -> Double? {
        guard let text = node.scalar?.string else { return nil }
        return Double(text)
    }

    private static func fail(_ file: String, _ node: Node, _ message: String) -> ImportProblem {
        ImportProblem(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    private static func problem(from error: YamlError, file: String) -> ImportProblem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ImportProblem(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            return ImportProblem(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }
}
