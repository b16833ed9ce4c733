/// The churn-reason categories, with whether they can be prevented and the save
/// plays for each.
public enum ChurnReason: String, CaseIterable, Codable, Sendable {
    case product, value, relationship, financial, competition, strategic

    public var label: String {
        switch self {
        case .product: return "product"
        case .value: return "value not realised"
        case .relationship: return "relationship"
        case .financial: return "financial"
        case .competition: return "competition"
        case .strategic: return "strategic"
        }
    }

    public var subReasons: String {
        switch self {
        case .product: return "missing features, poor UX, performance problems"
        case .value: return "no ROI achieved, wrong use case, oversold"
        case .relationship: return "champion left, poor service, broken trust"
        case .financial: return "budget cut, M&A, bankruptcy, price too high"
        case .competition: return "moved to a competitor, built it in-house"
        case .strategic: return "change of direction, department closed, lower priority"
        }
    }

    public var preventable: String {
        switch self {
        case .product: return "✅ partly preventable"
        case .value: return "✅ preventable"
        case .relationship: return "✅ preventable"
        case .financial: return "⚠️ sometimes not preventable"
        case .competition: return "✅ partly preventable"
        case .strategic: return "❌ rarely preventable"
        }
    }

    /// The save plays for the category (seed 002, "根据流失原因制定的挽救措施"); the plays for
    /// a particular driver come with its signal.
    public var savePlays: [String] {
        switch self {
        case .product:
            return ["Report the revenue at stake (ARR at risk) to the product team",
                    "Offer a workaround or professional services to close the gap",
                    "Share the product roadmap with delivery dates",
                    "If the feature ships within 90 days, offer a discount until then"]
        case .value:
            return ["Re-onboard: a new success plan, new goals, new training",
                    "Assign a senior CSM or solutions architect",
                    "Run a 30-day 'value sprint' of intensive enablement to prove ROI",
                    "Record quick wins every week and share them with the executive sponsor"]
        case .relationship:
            return ["Offer a 'new relationship' session: what went wrong, and what would put it right",
                    "Re-establish executive-to-executive contact"]
        case .financial:
            return ["Never discount without something in return (multi-year term, case study, reference)",
                    "Right-size the contract: remove unused features and seats",
                    "Offer payment terms (e.g. quarterly instead of annual)",
                    "Show the ROI: 'you pay X and get Y in value'"]
        case .competition:
            return ["Send the competitive comparison material",
                    "Use the relationships you have to keep the conversation going",
                    "Bring in executive-to-executive contact",
                    "Lay out the switching cost"]
        case .strategic:
            return ["Confirm the decision and who made it; it is rarely reversible",
                    "Keep the relationship warm for a later win-back",
                    "Ask for a reference or case study while goodwill lasts"]
        }
    }

    /// The category of the score's weakest dimension: where to look when no driver says.
    public static func weakest(in score: HealthScore) -> ChurnReason {
        ChurnReason(dimension: score.dimensions.filter { $0.points != nil }.min { $0.points! / $0.max < $1.points! / $1.max }?.dimension)
    }

    /// The category a dimension's trouble points to (value when none is named).
    init(dimension: Dimension?) {
        switch dimension {
        case .technicalHealth?, .supportHealth?: self = .product
        case .engagement?, .relationship?: self = .relationship
        case .financial?: self = .financial
        default: self = .value
        }
    }

    /// The categories as the CSM may name them in a churn reason, for the message when none matches.
    public static let accepted = "product, value (adoption, onboarding, ROI), relationship, financial (budget, price), competition, strategic"

    /// The category a churn reason written in words falls in ("budget cut after a
    /// reorganisation" → financial); nil when no keyword says.
    public init?(describing text: String) {
        let t = text.lowercased()
        let keywords: [(ChurnReason, [String])] = [
            (.competition, ["competitor", "competition", "rival", "switched", "moved to", "in-house", "in house", "built their own", "竞品", "竞争"]),
            (.financial, ["budget", "price", "pricing", "cost", "expensive", "cut", "bankrupt", "acquisition", "acquired", "merger",
                          "payment", "afford", "预算", "价格"]),
            (.relationship, ["champion", "left the company", "relationship", "support", "service", "trust", "sponsor", "倡导者", "关系"]),
            (.product, ["feature", "bug", "performance", "slow", "missing", "ux", "integration", "outage", "downtime", "reliab", "功能", "性能"]),
            (.value, ["roi", "value", "adopt", "onboarding", "not used", "unused", "never used", "low usage", "usage", "use case", "oversold",
                      "training", "价值", "使用"]),
            (.strategic, ["strategy", "strategic", "direction", "closed", "priority", "priorities", "shut down", "reorg", "战略"]),
        ]
        guard let found = keywords.first(where: { $0.1.contains(where: t.contains) }) else { return nil }
        self = found.0
    }
}
