/// The demo book of business: 13 accounts across every tier and segment, with 13 weeks
/// of snapshots dated back from the day it is created, so it always looks current.
/// Everything is computed from the date alone: the same day gives the same workspace.
///
/// Acme Corp's latest week is seed 000's customer A and Globex's is customer B.
public enum DemoWorkspace {
    /// Raw values in SnapshotField order:
    /// dau, licensed, features, conversations/day, hours/week, users this month, users last month,
    /// meetings scheduled, attended, feedback/month, posts/month, events/month, contributions/quarter,
    /// API error %, uptime %, performance satisfaction, NPS, CSM satisfaction, exec relationship (2/1/0).
    typealias Metrics = [Double?]

    enum Shape {
        case linear          // steady move from `start` to `latest`
        case flat            // `latest` every week, with a small weekly wobble early on
        case fallingLastWeeks(Int)  // `start` until the last n weeks, then down a step each week
        case volatile        // alternates around `latest`
    }

    struct Profile {
        var account: Account
        var contacts: [Contact]
        var start: Metrics
        var latest: Metrics
        var shape: Shape
        /// Weeks of history: 13, fewer for a new account.
        var weeks: Int = 13
        /// Last week with data, counted back from the latest week (a churned account stops early).
        var endsWeeksAgo: Int = 0
        var events: [(daysAgo: Int, kind: String, details: String)] = []
        /// The success plan: goals, milestones, use cases.
        var goals: [Goal] = []
        var milestones: [Milestone] = []
        var useCases: [UseCase] = []
    }

    static func profiles(today: Day) -> [Profile] {
        func d(_ days: Int) -> Day { today.adding(days: days) }
        func contact(_ role: Contact.Role, _ cell: String) -> Contact {
            let p = Contact.parse(cell: cell)!
            return Contact(accountID: 0, role: role, name: p.name, title: p.title, email: p.email)
        }
        let customerA: Metrics = [15, 30, 4, 8, 25, 23, 20, 10, 8, 2, 6, 1, 1, 0.8, 99.5, 8, 45, 9, 2]
        let customerB: Metrics = [24, 30, 5, 5, 35, 27, 25, 10, 9, 4, 5, 0, 1, 0.3, 99.8, 9, 60, 8, 1]
        return [
            Profile(
                account: Account(name: "Acme Corp", aliases: ["Acme", "ACME Inc"], segment: .midMarket, plan: "professional",
                                 arr: Money(dollars: 8_000), csm: "Dana Whitfield", startDate: d(-640), renewalDate: d(150)),
                contacts: [contact(.champion, "Maria Lopez, Head of Support Operations <maria.lopez@acme.example>"),
                           contact(.executiveSponsor, "Tom Becker, VP Customer Experience <tom.becker@acme.example>"),
                           contact(.technicalLead, "Raj Patel, IT Lead <raj.patel@acme.example>")],
                start: [14, 30, 4, 7, 24, 22, 20, 10, 8, 2, 5, 1, 1, 0.9, 99.5, 8, 40, 9, 2],
                latest: customerA, shape: .linear,
                events: [(-100, "qbr held", "H1 review with Tom Becker and Maria Lopez"),
                         (-55, "payment on time", "half-year invoice paid"),
                         (-30, "meeting attended", "monthly check-in with Maria Lopez")],
                goals: [Goal(accountID: 0, objective: "Cut first-response time", metric: "median first response", baseline: "4 h",
                             target: "1 h", due: d(-30), status: "achieved", owner: "Maria Lopez", result: "55 min"),
                        Goal(accountID: 0, objective: "Resolve tier-1 tickets with AI", metric: "share of tier-1 tickets resolved by AI",
                             baseline: "10%", target: "40%", due: d(60), owner: "Raj Patel", result: "31%"),
                        Goal(accountID: 0, objective: "Roll out to the billing team", metric: "billing agents active", baseline: "0",
                             target: "8", due: d(120), owner: "Tom Becker")],
                milestones: [Milestone(accountID: 0, name: "Technical setup complete", due: d(-633), status: .complete, done: d(-634)),
                             Milestone(accountID: 0, name: "First value delivered", due: d(-610), status: .complete, done: d(-612)),
                             Milestone(accountID: 0, name: "Full adoption", due: d(-550), status: .complete, done: d(-541)),
                             Milestone(accountID: 0, name: "Billing team live", due: d(120))],
                useCases: [UseCase(accountID: 0, name: "Tier-1 ticket deflection", status: .optimizing, goLive: d(-612)),
                           UseCase(accountID: 0, name: "Agent assist for billing", status: .inProgress)]),
            Profile(
                account: Account(name: "Globex", aliases: ["Globex Corporation"], segment: .enterprise, plan: "enterprise",
                                 arr: Money(dollars: 48_000), csm: "Sam Okafor", startDate: d(-900), renewalDate: d(210)),
                contacts: [contact(.champion, "Hank Scorpio, Director of Operations <hank@globex.example>"),
                           contact(.executiveSponsor, "Frank Grimes, COO <frank.grimes@globex.example>")],
                start: [20, 30, 4, 4, 30, 25, 24, 10, 8, 3, 4, 0, 1, 0.4, 99.8, 8, 50, 8, 1],
                latest: customerB, shape: .linear,
                events: [(-40, "qbr held", "Q3 review with Frank Grimes"), (-35, "payment on time", "quarterly invoice paid"),
                         (-14, "new team interested", "the EU support team asked for a demo"),
                         (-10, "premium feature requested", "SSO and audit log for the EU rollout")],
                goals: [Goal(accountID: 0, objective: "Automate order-status enquiries", metric: "order-status tickets handled by AI",
                             baseline: "0%", target: "60%", due: d(-60), status: "achieved", owner: "Hank Scorpio", result: "72%"),
                        Goal(accountID: 0, objective: "Launch in the EU support team", metric: "EU agents active", baseline: "0",
                             target: "25", due: d(90), owner: "Frank Grimes")],
                useCases: [UseCase(accountID: 0, name: "Order-status automation", status: .live, goLive: d(-820))]),
            Profile(
                account: Account(name: "Initech", segment: .smb, plan: "growth", arr: Money(dollars: 3_600), csm: "Dana Whitfield",
                                 startDate: d(-500), renewalDate: d(-40), churnDate: d(-40),
                                 churnReason: "budget cut after a reorganisation"),
                contacts: [contact(.champion, "Peter Gibbons, Team Lead <peter@initech.example>")],
                start: [9, 20, 3, 4, 14, 12, 12, 6, 5, 1, 1, 0, 0, 1.5, 99.2, 7, 20, 8, 1],
                latest: [3, 20, 1, 1, 4, 8, 10, 6, 2, 0, 0, 0, 0, 2.5, 98.0, 5, -20, 6, 0],
                shape: .linear, endsWeeksAgo: 6,
                events: [(-75, "budget review mentioned", "finance reviewing all tool spend"),
                         (-55, "data export requested", "asked for a full export of conversations")]),
            Profile(
                account: Account(name: "Nimbus Analytics", segment: .midMarket, plan: "professional", arr: Money(dollars: 9_600),
                                 csm: "Sam Okafor", startDate: d(-18), renewalDate: d(347)),
                contacts: [contact(.champion, "Lena Fischer, Analytics Manager <lena@nimbus.example>")],
                start: [4, 25, 1, 2, 6, 8, 0, 2, 2, 1, 0, 0, 0, 1.2, 99.0, 7, 30, 9, 1],
                latest: [9, 25, 2, 4, 12, 14, 8, 3, 3, 1, 1, 0, 0, 0.9, 99.2, 8, 35, 9, 1],
                shape: .linear, weeks: 2,
                events: [(-16, "kickoff held", "kickoff with Lena Fischer; no executive sponsor yet")],
                milestones: [Milestone(accountID: 0, name: "Welcome e-mail with the CSM introduction", status: .complete, done: d(-18)),
                             Milestone(accountID: 0, name: "Quick-start guide sent", status: .complete, done: d(-18)),
                             Milestone(accountID: 0, name: "Admin trained on core settings", status: .complete, done: d(-13)),
                             Milestone(accountID: 0, name: "Account set-up walked through", status: .complete, done: d(-17))],
                useCases: [UseCase(accountID: 0, name: "Campaign analytics dashboards", status: .inProgress)]),
            Profile(
                account: Account(name: "Umbrella Health", aliases: ["Umbrella"], segment: .enterprise, plan: "enterprise",
                                 arr: Money(dollars: 72_000), csm: "Priya Raman", startDate: d(-1050), renewalDate: d(45)),
                contacts: [contact(.champion, "Alice Abernathy, Clinical Ops Manager <alice@umbrella.example>"),
                           contact(.executiveSponsor, "Albert Wesker, CIO <wesker@umbrella.example>")],
                start: [40, 60, 4, 7, 38, 58, 56, 8, 6, 2, 3, 1, 0, 0.7, 99.6, 8, 35, 8, 1],
                latest: [36, 60, 4, 6, 34, 58, 57, 8, 5, 2, 2, 1, 0, 0.9, 99.4, 7, 30, 8, 1],
                shape: .linear),
            Profile(
                account: Account(name: "Hooli", segment: .enterprise, plan: "enterprise", arr: Money(dollars: 60_000),
                                 csm: "Priya Raman", startDate: d(-720), renewalDate: d(120)),
                contacts: [contact(.executiveSponsor, "Gavin Belson, CEO <gavin@hooli.example>"),
                           contact(.technicalLead, "Denpok Singh, Platform Lead <denpok@hooli.example>")],
                start: [30, 50, 4, 8, 36, 48, 47, 8, 7, 2, 3, 1, 0, 0.6, 99.5, 8, 40, 8, 1],
                latest: [24, 50, 3, 6, 28, 46, 48, 8, 5, 1, 2, 0, 0, 0.9, 99.3, 7, 20, 8, 1],
                shape: .linear,
                events: [(-9, "champion left", "Nelson Bighetti, Director of Operations, left Hooli")]),
            Profile(
                account: Account(name: "Soylent Systems", aliases: ["Soylent"], segment: .midMarket, plan: "professional",
                                 arr: Money(dollars: 7_200), csm: "Dana Whitfield", startDate: d(-410), renewalDate: d(200)),
                contacts: [contact(.champion, "Sol Roth, Operations Lead <sol@soylent.example>")],
                start: [16, 25, 4, 7, 26, 20, 19, 8, 7, 2, 3, 1, 0, 0.6, 99.5, 8, 35, 8, 1],
                latest: [8, 25, 2, 3, 14, 17, 20, 8, 4, 1, 1, 0, 0, 1.8, 99.0, 6, 5, 8, 1],
                shape: .fallingLastWeeks(3),
                events: [(-12, "competitor mentioned", "asked how we compare with a cheaper rival")]),
            Profile(
                account: Account(name: "Vandelay Industries", aliases: ["Vandelay"], segment: .smb, plan: "growth",
                                 arr: Money(dollars: 2_400), csm: "Sam Okafor", startDate: d(-300), renewalDate: d(65)),
                contacts: [contact(.champion, "Art Vandelay, Owner <art@vandelay.example>")],
                start: [6, 10, 3, 5, 18, 10, 10, 4, 3, 1, 2, 0, 0, 0.7, 99.1, nil, nil, nil, 1],
                latest: [7, 10, 4, 5, 22, 11, 10, 4, 4, 2, 3, 1, 0, 0.6, 99.3, nil, nil, nil, 1],
                shape: .linear),
            Profile(
                account: Account(name: "星辰科技", aliases: ["Xingchen Tech", "Xingchen"], segment: .enterprise, plan: "enterprise",
                                 arr: Money(dollars: 96_000), csm: "李娜", startDate: d(-820), renewalDate: d(260)),
                contacts: [contact(.champion, "王伟, 运营总监 <wang.wei@xingchen.example>"),
                           contact(.executiveSponsor, "陈静, 首席执行官 <chen.jing@xingchen.example>")],
                start: [70, 90, 5, 9, 42, 84, 80, 12, 11, 3, 6, 1, 1, 0.4, 99.9, 9, 55, 9, 2],
                latest: [74, 90, 5, 10, 44, 88, 84, 12, 11, 3, 6, 1, 1, 0.4, 99.9, 9, 60, 9, 2],
                shape: .flat),
            Profile(
                account: Account(name: "Stark Industries", aliases: ["Stark"], segment: .enterprise, plan: "enterprise",
                                 arr: Money(dollars: 120_000), csm: "Priya Raman", startDate: d(-1200), renewalDate: d(300)),
                contacts: [contact(.champion, "Pepper Potts, COO <pepper@stark.example>"),
                           contact(.executiveSponsor, "Tony Stark, CEO <tony@stark.example>"),
                           contact(.technicalLead, "Happy Hogan, Head of IT <happy@stark.example>")],
                start: [60, 100, 5, 8, 38, 100, 92, 12, 10, 3, 5, 1, 1, 0.4, 99.9, 9, 50, 9, 2],
                latest: [85, 100, 6, 12, 48, 110, 100, 12, 12, 4, 7, 2, 1, 0.2, 99.95, 10, 70, 10, 2],
                shape: .linear,
                events: [(-60, "qbr held", "Q3 review with Tony Stark"), (-45, "payment on time", "annual invoice paid"),
                         (-20, "champion promoted", "Pepper Potts promoted to CEO"),
                         (-6, "usage at limit", "conversation quota reached three days running")],
                goals: [Goal(accountID: 0, objective: "Support every plant from one inbox", metric: "plants live", baseline: "4",
                             target: "12", due: d(-30), status: "achieved", owner: "Happy Hogan", result: "12")]),
            Profile(
                account: Account(name: "Wonka Confections", aliases: ["Wonka"], segment: .smb, plan: "starter",
                                 arr: Money(dollars: 900), csm: "Sam Okafor", startDate: d(-260), renewalDate: d(100)),
                contacts: [contact(.champion, "Charlie Bucket, Office Manager <charlie@wonka.example>")],
                start: [3, 10, 2, 2, 9, 9, 9, 4, 2, 1, 0, 0, 0, 3.0, 97.0, 6, 0, 7, 0],
                latest: [1, 10, 1, 1, 4, 7, 9, 4, 1, 0, 0, 0, 0, 6.5, 94.0, 4, -30, 6, 0],
                shape: .linear,
                events: [(-20, "payment late", "invoice 30 days overdue")]),
            Profile(
                account: Account(name: "Tyrell Corp", aliases: ["Tyrell"], segment: .midMarket, plan: "professional",
                                 arr: Money(dollars: 6_000), csm: "Priya Raman", startDate: d(-550), renewalDate: d(90)),
                contacts: [contact(.champion, "Rachael Rosen, Research Lead <rachael@tyrell.example>")],
                start: [11, 20, 3, 4, 18, 16, 16, 6, 4, 1, 2, 0, 0, 1.8, 98.5, 6, 10, 8, 1],
                latest: [9, 20, 3, 5, 20, 16, 16, 6, 3, 1, 2, 0, 0, 2.2, 98.5, 6, 5, 7, 1],
                shape: .volatile),
            Profile(
                account: Account(name: "Pied Piper", segment: .smb, plan: "growth", arr: Money(dollars: 4_200), csm: "Dana Whitfield",
                                 startDate: d(-380), renewalDate: d(180)),
                contacts: [contact(.champion, "Richard Hendricks, CEO <richard@piedpiper.example>"),
                           contact(.technicalLead, "Bertram Gilfoyle, Systems Architect <gilfoyle@piedpiper.example>")],
                start: [8, 12, 3, 6, 20, 12, 12, 4, 3, 2, 5, 0, 0, 1.2, 99.0, 7, 30, 8, 1],
                latest: [8, 12, 3, 6, 21, 12, 12, 4, 3, 2, 5, 0, 0, 1.1, 99.0, 7, 30, 8, 1],
                shape: .flat),
        ]
    }

    public static func batch(asOf today: Day) -> ImportBatch {
        let latestWeek = today.lastWeekEnd(on: .sunday)
        var batch = ImportBatch(accountFields: Set(AccountField.allCases))
        batch.snapshotFields = Set(SnapshotField.allCases)
        for profile in profiles(today: today) {
            let name = profile.account.name
            batch.accounts.append(profile.account)
            for c in profile.contacts { batch.contacts.append((name, c.role!, c)) }
            let lastWeek = latestWeek.adding(days: -7 * profile.endsWeeksAgo)
            for i in 0..<profile.weeks {
                let weeksBeforeLast = profile.weeks - 1 - i
                let week = lastWeek.adding(days: -7 * weeksBeforeLast)
                let values = metrics(profile, step: i)
                batch.snapshots.append((name, Snapshot(accountID: 0, week: week, values: values)))
            }
            for e in profile.events {
                batch.events.append((name, Event(accountID: 0, date: today.adding(days: e.daysAgo), kind: e.kind, details: e.details)))
            }
        }
        batch.subscriptions = ledger(today: today)
        return batch
    }

    /// Two years of subscription history (and older starts where the account is older):
    /// upgrades (Acme, Globex, 星辰科技, Stark), a downgrade (Umbrella), a downgrade then churn
    /// (Initech), a win-back (Pied Piper left after its first year and came back), add-ons.
    static func ledger(today: Day) -> [(String, Subscription)] {
        func d(_ days: Int) -> Day { today.adding(days: days) }
        func row(_ account: String, _ product: String, _ start: Int, _ end: Int?, _ mrrCents: Int64) -> (String, Subscription) {
            (account, Subscription(accountID: 0, product: product, start: d(start), end: end.map(d), mrr: Money(cents: mrrCents)))
        }
        return [
            row("Acme Corp", "Support Suite", -640, -275, 50_000), row("Acme Corp", "Support Suite Pro", -275, nil, 66_667),
            row("Globex", "Support Suite", -900, -500, 300_000), row("Globex", "Support Suite Pro", -500, nil, 350_000),
            row("Globex", "Analytics add-on", -200, nil, 50_000),
            row("Initech", "Support Suite", -500, -200, 40_000), row("Initech", "Support Suite Lite", -200, -40, 30_000),
            row("Nimbus Analytics", "Support Suite Pro", -18, nil, 80_000),
            row("Umbrella Health", "Support Suite Enterprise", -1050, -320, 650_000), row("Umbrella Health", "Support Suite Enterprise", -320, nil, 600_000),
            row("Hooli", "Support Suite Enterprise", -720, nil, 500_000),
            row("Soylent Systems", "Support Suite Pro", -410, nil, 60_000),
            row("Vandelay Industries", "Support Suite", -300, nil, 20_000),
            row("星辰科技", "Support Suite Enterprise", -820, -365, 600_000), row("星辰科技", "Support Suite Enterprise", -365, nil, 800_000),
            row("Stark Industries", "Support Suite Enterprise", -1200, -400, 800_000), row("Stark Industries", "Support Suite Enterprise", -400, nil, 900_000),
            row("Stark Industries", "Analytics add-on", -150, nil, 100_000),
            row("Wonka Confections", "Support Suite Lite", -260, nil, 7_500),
            row("Tyrell Corp", "Support Suite Pro", -550, nil, 50_000),
            row("Pied Piper", "Support Suite", -700, -520, 30_000), row("Pied Piper", "Support Suite", -380, nil, 35_000),
        ]
    }

    /// The success plans (goals, milestones, use cases) as edits, once the accounts have ids.
    public static func successPlans(asOf today: Day, ids: [String: Int64]) -> [Change] {
        var changes: [Change] = []
        for profile in profiles(today: today) {
            guard let id = ids[profile.account.name] else { continue }
            changes += profile.goals.map { var g = $0; g.accountID = id; return .putGoal(g) }
            changes += profile.milestones.map { var m = $0; m.accountID = id; return .putMilestone(m) }
            changes += profile.useCases.map { var u = $0; u.accountID = id; return .putUseCase(u) }
        }
        return changes
    }

    /// The values of week `step` (0 = oldest) of a profile.
    static func metrics(_ p: Profile, step: Int) -> Metrics {
        let last = p.weeks - 1
        if step == last { return p.latest }
        let t: Double
        switch p.shape {
        case .linear: t = last == 0 ? 1 : Double(step) / Double(last)
        case .flat: t = step % 3 == 1 ? 0.4 : 0.9
        case .fallingLastWeeks(let n):
            let into = step - (last - n)
            t = into <= 0 ? 0 : Double(into) / Double(n)
        case .volatile: t = step % 2 == 0 ? -1.5 : 1.5
        }
        return zip(p.start, p.latest).enumerated().map { index, pair -> Double? in
            guard let a = pair.0, let b = pair.1 else { return pair.1 ?? pair.0 }
            let field = SnapshotField.allCases[index]
            var v = a + (b - a) * t
            if case .volatile = p.shape { v = b + (b - a) * t * (field == .dau || field == .conversationsPerDay ? 2 : 1) }
            switch field.domain {
            // The demo's DAU stays whole, as its weeks were first recorded.
            case _ where field == .dau: v = v.rounded()
            case .count, .execLevel: v = v.rounded()
            case .bounded(_, _, whole: true): v = v.rounded()
            default: v = (v * 10).rounded() / 10
            }
            if field == .meetingsAttended, let scheduled = p.latest[SnapshotField.meetingsScheduled.index] ?? nil { v = min(v, scheduled) }
            if case let .bounded(lo, hi, _) = field.domain { v = min(max(v, lo), hi) }
            return max(v, field == .nps ? -100 : 0)
        }
    }
}
