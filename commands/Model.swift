import Foundation
import Intents
import Scoring
import Shell
import Workspace

/// `model`: the health model in force — where it came from, its dimensions and weights,
/// every metric's band table, the tier cut-offs (per segment where model.yaml sets them),
/// and, when model.yaml was refused, the line and the reason.
struct ModelCommand: Command {
    let spec = CommandSpec(
        name: "model",
        phrases: ["model", "show model", "health model", "which model", "scoring model", "模型", "评分模型",
                  "model check {file}", "check model {file}", "检查模型 {file}"],
        usage: "model [check FILE]",
        summary: "the health model in force: weights, bands, tier cut-offs",
        details: """
            The workspace's model.yaml chooses the model — claw (the default: five dimensions), engine (nine, with contacts, goals and payments) or analyst \
            (with support health and its own tiers) — and may change dimension weights (adding up to 100), a metric's bands, the tier cut-offs and \
            per-segment cut-offs; say which product events are core features and conversations (usage:); score a \
            metric of the workspace's own (custom_metrics:) and add alerts on any metric (monitors:). A file that does not add up is refused with its line and reason, and the last valid \
            model stays in force. 'model check FILE' reads a model file and shows the model it makes, or why it is \
            refused, without using it. See the README for the format.
            """,
        examples: ["model", "show model", "model check ~/ops/model.yaml", "评分模型"],
        natural: Natural(.none, cues: ["model": 3, "health model": 4, "scoring model": 4, "weights": 2, "what goes into": 3, "模型": 3, "健康模型": 4,
                                      "由哪些指标组成": 3, "怎么算": 2]))

    func run(_ request: Request, in context: Context) throws -> Report {
        guard let typed = request.text("file") else {
            return ModelReport(model: context.model, source: context.models.source, refused: context.models.problem)
        }
        guard FileManager.default.fileExists(atPath: context.path(typed)) else { throw CommandError("no file \(typed)") }
        guard let text = try? String(contentsOfFile: context.path(typed), encoding: .utf8) else {
            throw CommandError("cannot read \(typed) as UTF-8 text")
        }
        do {
            return ModelReport(model: try context.models.parse(text, file: typed), source: "\(typed) (checked, not in force)", refused: nil)
        } catch let problem as ImportProblem {
            throw CommandError("model file refused — \(problem); the \(context.model.name) model stays in force")
        }
    }
}

struct ModelReport: Report {
    let model: HealthModel
    let source: String
    let refused: ImportProblem?

    struct MetricJSON: Encodable { var metric: String; var max: Double; var bands: String }
    struct DimensionJSON: Encodable { var dimension: String; var weight: Double; var metrics: [MetricJSON] }
    struct BandJSON: Encodable {
        var tier: String
        var from: Double
        var priority: String
        enum CodingKeys: String, CodingKey { case tier, from, priority }
    }
    struct RefusedJSON: Encodable { var line: Int; var column: Int; var reason: String }

    enum Keys: String, CodingKey { case model, source, refused, dimensions, tiers, segments, weekEnds = "week_ends", usage, monitors, fitted }
    struct FittedJSON: Encodable { var name: String; var horizonDays: Int; var critical, high, medium: Double; var features: Int
        enum CodingKeys: String, CodingKey { case name, horizonDays = "horizon_days", critical, high, medium, features } }
    struct UsageJSON: Encodable {
        var coreFeatures, conversations: [String]
        var active: [String]?
        var utcOffset: String
        enum CodingKeys: String, CodingKey { case coreFeatures = "core_features", conversations, active, utcOffset = "utc_offset" }
    }
    struct MonitorJSON: Encodable { var metric, label, severity, who, within: String }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(model.name, forKey: .model)
        try c.encode(source, forKey: .source)
        try c.encode(refused.map { RefusedJSON(line: $0.line, column: $0.column, reason: $0.message) }, forKey: .refused)
        try c.encode(model.dimensions.map { d in
            DimensionJSON(dimension: d.rawValue, weight: rounded(model.maximum(of: d)), metrics: model.rules.filter { $0.dimension == d }.map {
                MetricJSON(metric: $0.key, max: rounded($0.max), bands: $0.points.describe)
            })
        }, forKey: .dimensions)
        func bands(_ scheme: TierScheme) -> [BandJSON] { scheme.bands.map { BandJSON(tier: $0.name, from: $0.lowerBound, priority: $0.level.priority) } }
        try c.encode(bands(model.tiers), forKey: .tiers)
        try c.encode(Dictionary(uniqueKeysWithValues: model.segmentTiers.map { ($0.key.rawValue, bands($0.value)) }), forKey: .segments)
        try c.encode(model.weekEnds.name, forKey: .weekEnds)
        let u = model.usage
        try c.encode(UsageJSON(coreFeatures: u.coreFeatures, conversations: u.conversations, active: u.active, utcOffset: u.offsetShown), forKey: .usage)
        try c.encode(model.fitted.map { FittedJSON(name: $0.name, horizonDays: $0.horizonDays, critical: $0.critical, high: $0.high, medium: $0.medium, features: $0.features.count) },
                     forKey: .fitted)
        try c.encode(model.monitors.map { MonitorJSON(metric: $0.metric, label: $0.label, severity: $0.severity.label, who: $0.who, within: $0.within) },
                     forKey: .monitors)
    }

    func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    func render(into doc: inout Document) {
        doc.line(Span("\(model.name) model", .bold), Span(" — \(source)", .dim))
        if let refused {
            doc.wrapped(Span("  "), text: [Span("model.yaml refused: line \(refused.line), column \(refused.column): \(refused.message)", .red)])
        }
        doc.blank()
        let width = model.rules.map { DisplayWidth.of($0.label) }.max() ?? 0
        for d in model.dimensions {
            let rules = model.rules.filter { $0.dimension == d }
            let scale = rules.first?.scale ?? 1
            doc.line(Span("\(d.label) \(Format.number(rounded(model.maximum(of: d))))", .bold),
                     abs(scale - 1) > 1e-9 ? Span("  weighted: band points × \(Format.number((scale * 1000).rounded() / 1000))", .dim) : "")
            for rule in rules {
                doc.wrapped(Span("  " + DisplayWidth.pad(rule.label, to: width) + "  " + DisplayWidth.pad(Format.number(rounded(rule.max)), to: 6)),
                            text: [Span(rule.points.describe, .dim)])
            }
        }
        doc.blank()
        doc.wrapped(Span("Tiers     ", .bold), text: tiers(model.tiers))
        for segment in Segment.allCases {
            guard let scheme = model.segmentTiers[segment] else { continue }
            doc.wrapped(Span(DisplayWidth.pad(segment.label, to: 10), .bold), text: tiers(scheme))
        }
        doc.wrapped(Span("Weeks     ", .bold), text: "end on \(model.weekEnds.name.capitalized): a row dated inside a week is that week's")
        let u = model.usage
        let list = { (names: [String]) in names.isEmpty ? "none named" : names.joined(separator: ", ") }
        if u == .none {
            doc.wrapped(Span("Usage     ", .bold), text: "from product events: any event makes a user active (UTC days); name core_features and conversations under usage: to derive them too")
        } else {
            doc.wrapped(Span("Usage     ", .bold), text: "core features: \(list(u.coreFeatures)) · conversations: \(list(u.conversations)) · "
                + "active: \(u.active.map(list) ?? "any event") · days in \(u.offsetShown)")
        }
        if let f = model.fitted {
            doc.wrapped(Span("Churn     ", .bold), text: "\(f.name): the probability of churning within \(f.horizonDays) days from \(f.features.count) features sets churn risk — "
                + "critical ≥ \(Format.percent(f.critical * 100)), high ≥ \(Format.percent(f.high * 100)), medium ≥ \(Format.percent(f.medium * 100))")
        }
        for m in model.monitors {
            doc.wrapped(Span("Monitor   ", .bold), text: [Span("\(m.severity.emoji) \(m.label)"), Span(" — \(m.who), \(m.within)", .dim)])
        }
    }

    func tiers(_ scheme: TierScheme) -> String {
        scheme.bands.map { "\($0.emoji) \($0.label) ≥\(Format.number($0.lowerBound)) \($0.level.priority)" }.joined(separator: " · ")
    }
}
