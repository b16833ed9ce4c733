import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// The words CSMs use for the book's categories, English and Chinese, each read as its
/// code: tiers, segments, trends, churn-risk levels and the orders a list can take. The
/// commands that filter or sort by them share these.
enum Words {
    static let tier = Vocabulary("tier", [
        Tier.healthy.rawValue: ["healthy", "green", "p3", "p3s", "健康", "健康的"],
        Tier.warning.rawValue: ["warning", "yellow", "p2", "p2s", "警告", "预警级", "warning级别"],
        Tier.highRisk.rawValue: ["high risk", "high-risk", "highrisk", "orange", "p1", "p1s", "高风险"],
        Tier.critical.rawValue: ["critical", "red", "p0", "p0s", "危险", "严重", "危急", "critical级别"],
    ])

    static let segment = Vocabulary("segment", [
        Segment.enterprise.rawValue: ["enterprise", "ent", "企业", "企业级", "企业客户"],
        Segment.midMarket.rawValue: ["mid-market", "mid market", "midmarket", "mm", "中型", "中端市场", "中型客户"],
        Segment.smb.rawValue: ["smb", "small business", "small", "中小企业", "小客户", "smb客户"],
    ])

    static let trend = Vocabulary("trend", [
        Trend.Direction.declining.rawValue: ["declining", "falling", "dropping", "trending down", "going down", "下滑", "下降", "在下滑", "下滑的"],
        Trend.Direction.rising.rawValue: ["rising", "improving", "trending up", "going up", "上升", "在上升", "上涨"],
        Trend.Direction.volatile.rawValue: ["volatile", "波动", "波动大", "波动大的"],
        Trend.Direction.stable.rawValue: ["stable", "steady", "稳定"],
    ])

    static let level = Vocabulary("churn-risk level", [
        ChurnRisk.Level.low.label: ["low", "低"],
        ChurnRisk.Level.medium.label: ["medium", "med", "moderate", "中"],
        ChurnRisk.Level.high.label: ["high", "高"],
        ChurnRisk.Level.critical.label: ["critical", "危急"],
    ])

    /// The orders of `list accounts`, in the words of the line's "by …".
    static let order = Vocabulary("order", [
        AccountFilter.Order.arr.code: ["ARR", "revenue", "value", "size", "biggest", "largest", "biggest first", "largest first", "arr从大到小"],
        AccountFilter.Order.score.code: ["score", "health", "health score", "分数", "健康分", "评分"],
        AccountFilter.Order.renewal.code: ["renewal", "renewal date", "renewals", "续约", "续约时间", "续约日期"],
        AccountFilter.Order.lastTouch.code: ["last touch", "touch", "last contact", "最近联系", "最近联系时间", "联系时间"],
        AccountFilter.Order.trend.code: ["trend", "change", "趋势"],
        AccountFilter.Order.risk.code: ["risk", "churn risk", "风险", "流失风险"],
    ])

    /// "for Priya", "Priya's", "Priya的": the CSM whose book it is.
    static let csmOption = OptionSpec("csm", type: .csm, repeats: true, "for {value}", "{value}'s", "owned by {value}", "{value}负责的", "{value}的",
                                      "{value}那边的", "{value}那边", "{value}名下的", "{value}")
    /// "mine", "my accounts", "我的": the book of the user at the keyboard.
    /// Replace a file that is there (`Context.mayReplace`).
    static let forceOption = OptionSpec("force", "--force")
    static let mineOption = OptionSpec("mine", "mine", "my", "for me", "我的", "我名下的", "我名下", "我负责的")
}

extension Context {
    /// The CSM the user at the keyboard is: who "mine" and "my" are (`Me`), or why they are none.
    func me() throws -> String {
        let known = try names.csms()
        guard let me = Me.csm(user, among: known) else { throw CommandError(Me.problem(user, among: known)) }
        return me
    }

    /// The one CSM a request is about — named ("for Priya", "Priya's"), or the user ("mine",
    /// "my") — or nil for the whole book. `usage` says how to name one when it names two.
    func csm(of request: Request, usage: String) throws -> String? {
        var named = request.csms()
        if request.flag("mine") { named.append(try me()) }
        let one = Set(named)
        guard one.count <= 1 else { throw CommandError("'\(one.sorted().joined(separator: "' or '"))'? — name one CSM: \(usage)") }
        return one.first
    }
}
