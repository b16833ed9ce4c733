import Playbooks
import Scoring
import Workspace

/// Turns an account's plan inputs into a draft of each kind: the values come from the
/// workspace (goals and results, dates, metrics, churn reason, the CSM's name); whatever it
/// cannot fill stays in the text as "[label]" and is listed under the draft.
public enum Drafter {
    public static func draft(_ kind: DraftKind, _ input: PlaybookInput, templates: TemplateSet) -> Result<Draft, NotApplicable> {
        var missing = MissingFields()
        var caution: String?
        let account = input.account
        if kind != .healthAlert && kind != .escalation && !kind.rawValue.hasPrefix("win-back"),
           let churn = account.churnDate, churn <= input.today {
            return .failure(NotApplicable("\(account.name) churned on \(churn) — try 'draft win-back \(account.name)'"))
        }
        let built: Result<(data: [String: Any], to: [Draft.Recipient], cc: [Draft.Recipient]), NotApplicable>
        switch kind {
        case .qbrRecap: built = .success(qbrRecap(input, &missing))
        case .winBack7, .winBack30, .winBack90: built = winBack(kind, input, &missing)
        case .activation: built = activation(input, &missing, &caution)
        case .healthAlert: built = healthAlert(input, &missing)
        case .welcome: built = welcome(input, &missing)
        case .renewal: built = renewal(input, &missing)
        case .escalation: built = escalation(input, &missing, &caution)
        }
        switch built {
        case .failure(let why): return .failure(why)
        case .success(let parts):
            let rendered = templates.render(kind, parts.data)
            var unfilled = missing.labels(in: rendered.subject + "\n" + rendered.body)
            if parts.to.isEmpty { unfilled.insert(recipientGap(kind, input), at: 0) }
            for r in parts.to + parts.cc where r.email == nil { unfilled.append("e-mail address of \(r.name)") }
            var draft = Draft(kind: kind, account: account.name, to: parts.to, cc: parts.cc, subject: rendered.subject, body: rendered.body,
                              missing: unfilled, date: input.today, templateWarning: rendered.warning)
            draft.caution = caution
            return .success(draft)
        }
    }

    /// Why a draft has no recipient: nobody holds a role at the customer today (and who left),
    /// no contacts are recorded, or the e-mail goes to someone in our own company.
    static func recipientGap(_ kind: DraftKind, _ input: PlaybookInput) -> String {
        if kind == .escalation { return "recipient (our executive)" }
        let left = input.health.records.departures(on: input.today).map { "\($0.contact.name) left \($0.event.date)" }
        if !input.health.records.recordsContacts { return "recipient (no contacts recorded)" }
        return "recipient (nobody holds a role at \(input.account.name) today" + (left.isEmpty ? "" : "; " + left.joined(separator: ", ")) + ")"
    }

    /// The win-back e-mail due now: the next one of the sequence, else the last.
    public static func dueWinBack(_ plan: WinBackPlan) -> DraftKind {
        let step = plan.sequence.first { $0.status == .next } ?? plan.sequence.last!
        return step.day == 7 ? .winBack7 : step.day == 30 ? .winBack30 : .winBack90
    }

    static func firstName(_ name: String) -> String { String(name.split(separator: " ").first ?? Substring(name)) }

    static func customerSide(_ input: PlaybookInput) -> (to: [Draft.Recipient], cc: [Draft.Recipient], first: String?) {
        let champion = input.contact(.champion), sponsor = input.contact(.executiveSponsor)
        let main = champion ?? sponsor ?? input.contact(.technicalLead)
        let to = main.map { [Draft.Recipient($0)] } ?? []
        let cc = champion != nil ? sponsor.map { [Draft.Recipient($0)] } ?? [] : []
        return (to, cc, main.map { firstName($0.name) })
    }

    static func quarter(_ day: Day) -> (year: Int, q: Int) { (day.year, (day.components.month - 1) / 3 + 1) }

    static func qbrRecap(_ input: PlaybookInput, _ missing: inout MissingFields) -> (data: [String: Any], to: [Draft.Recipient], cc: [Draft.Recipient]) {
        let side = customerSide(input)
        let (year, q) = quarter(input.today)
        let next = q == 4 ? "Q1 \(year + 1)" : "Q\(q + 1) \(year)"
        // What the quarter achieved: goals met, goals that moved from their baseline, use cases gone live.
        let quarterStart = Day(year: year, month: (q - 1) * 3 + 1, day: 1)!
        var achieved: [[String: Any]] = input.goals.filter(\.isAchieved).map { g in
            var row: [String: Any] = ["objective": g.objective, "result": missing.fill(g.result, "result of '\(g.objective)'")]
            if let metric = g.metric { row["metric"] = metric; row["baseline"] = missing.fill(g.baseline, "baseline of '\(g.objective)'") }
            return row
        }
        achieved += input.goals.filter { !$0.isAchieved && $0.result != nil && $0.baseline != nil && $0.result != $0.baseline }.map { g in
            ["objective": g.objective, "result": "\(g.baseline!) → \(g.result!)" + (g.target.map { ", on the way to \($0)" } ?? "")]
        }
        achieved += input.useCases.filter { [.live, .optimizing].contains($0.status) && ($0.goLive.map { $0 >= quarterStart && $0 <= input.today } ?? false) }.map { u in
            ["objective": u.name, "result": "live since \(u.goLive!)"]
        }
        // The review the recap follows: a QBR logged in the last two weeks.
        let held = input.last(.qbrHeld).flatMap { $0.date.days(until: input.today) <= 14 ? $0.date : nil }
        let open = input.goals.filter { !$0.isAchieved }
        let objectives: [[String: Any]] = open.enumerated().map { i, g in
            ["number": i + 1, "objective": g.objective, "owner": missing.fill(input.present(g.owner), "\(next) objective \(i + 1) owner"),
             "target": missing.fill(g.target, "\(next) objective \(i + 1) target"), "due": missing.fill(g.due?.description, "\(next) objective \(i + 1) date")]
        }
        let csm = missing.fill(input.account.csm, "CSM name")
        var actions: [[String: Any]] = input.milestones.filter { $0.status != .complete }.map {
            ["action": $0.name, "owner": csm, "date": missing.fill($0.due?.description, "date for '\($0.name)'")]
        }
        if actions.isEmpty {
            actions = [["action": missing.fill(nil, "action item"), "owner": missing.fill(nil, "action owner"), "date": missing.fill(nil, "action date")]]
        }
        return ([
            "company": input.account.name, "quarter": "Q\(q) \(year)", "nextQuarter": next,
            "firstName": missing.fill(side.first, "first name"), "reviewDate": missing.fill(held?.description, "date of the review"), "achieved": achieved, "noResults": missing.fill(nil, "result achieved this quarter"),
            "objectives": objectives, "noObjectives": missing.fill(nil, "\(next) objective"), "actions": actions,
            // The next QBR follows the one logged; with none logged, the plan's next review may be the one just held.
            "nextQBR": held == nil || input.cadence.qbrEveryDays == nil ? missing.fill(nil, "next QBR date") : SuccessPlan(input).nextReview.description,
            "csm": csm,
        ], side.to, side.cc)
    }

    static func winBack(_ kind: DraftKind, _ input: PlaybookInput, _ missing: inout MissingFields)
        -> Result<(data: [String: Any], to: [Draft.Recipient], cc: [Draft.Recipient]), NotApplicable> {
        switch WinBackPlan.make(input) {
        case .failure(let why): return .failure(why)
        case .success(let plan):
            let side = customerSide(input)
            let step = plan.sequence.first { kind == (DraftKind(rawValue: "win-back-day-\($0.day)") ?? .winBack7) }!
            let product = missing.fill(nil, "product name")
            var data: [String: Any] = ["firstName": missing.fill(side.first, "first name"), "csm": missing.fill(input.account.csm, "CSM name"), "product": product]
            switch kind {
            case .winBack7:
                data["subject"] = step.subject.contains("[") ? missing.fill(nil, "their specific issue, fixed") : step.subject
                data["reason"] = missing.fill(plan.reasonText, "churn reason")
                data["improvement"] = missing.fill(nil, "specific improvement")
                data["angle"] = plan.offer.contains("[") ? missing.fill(nil, "what changed for them") : plan.offer
            case .winBack30:
                data["industry"] = missing.fill(nil, "their industry")
                data["result"] = missing.fill(nil, "specific result")
                data["similarCompany"] = missing.fill(nil, "similar company")
                data["improvementCount"] = missing.fill(nil, "number of improvements")
                data["improvement1"] = missing.fill(nil, "improvement 1")
                data["improvement2"] = missing.fill(nil, "improvement 2")
            default:
                data["version"] = missing.fill(nil, "version")
                data["release"] = missing.fill(nil, "major feature or version")
                data["whatsNew"] = missing.fill(nil, "what is new and why it matters to them")
            }
            return .success((data, side.to, []))
        }
    }

    static func activation(_ input: PlaybookInput, _ missing: inout MissingFields, _ caution: inout String?)
        -> Result<(data: [String: Any], to: [Draft.Recipient], cc: [Draft.Recipient]), NotApplicable> {
        let account = input.account
        let adoption = { (s: Snapshot) in s[.coreFeaturesUsed].map { $0 / 6 } }
        guard let latest = input.snapshots.last, let now = adoption(latest) else {
            return .failure(NotApplicable("\(account.name) has no feature-depth data (core features used)"))
        }
        if now >= 0.5 {
            caution = "\(account.name) uses \(Format.number(latest[.coreFeaturesUsed]!)) of 6 core features (\(Format.percent(now * 100))): the activation sequence is for accounts under 50%"
        }
        // Day 0 is the first week of the current run under 50%.
        var start = latest.week
        for s in input.snapshots.reversed() { if let a = adoption(s), a < 0.5 { start = s.week } else { break } }
        let day = start.days(until: input.today)
        if day >= 14 {
            caution = "\(account.name) has been under 50% feature adoption since \(start) (day \(day)): the e-mail sequence is over — a personal call now works better than another e-mail"
        }
        let side = customerSide(input)
        let feature = missing.fill(nil, "feature")
        let (subject, opening, ask): (String, String, String)
        switch day {
        case ..<3: (subject, opening, ask) = ("You're missing out on \(feature) — here's what teams like yours do with it",
                                              "Teams like yours get the most from \(feature): here's how they use it.", "Want me to send a two-minute setup guide?")
        case ..<7: (subject, opening, ask) = ("\(missing.fill(nil, "reference customer")) saved 10 hours/week using \(feature) — quick setup guide",
                                              "Here's how another team set up \(feature) in under an hour, and what it saved them.", "The setup guide is here: \(missing.fill(nil, "setup guide link"))")
        default: (subject, opening, ask) = ("Want a 15-min walkthrough of \(feature)? Here's my calendar link",
                                            "A quick walkthrough is often the fastest way in.", "Pick a time that suits you: \(missing.fill(nil, "calendar link"))")
        }
        let used = latest[.coreFeaturesUsed]!
        return .success(([
            "subject": subject, "firstName": missing.fill(side.first, "first name"), "opening": opening, "ask": ask,
            "featuresUsed": Format.number(used), "unused": 6 - Int(used), "feature": feature, "csm": missing.fill(account.csm, "CSM name"),
            "step": day < 3 ? 0 : day < 7 ? 3 : 7,
        ], side.to, []))
    }

    static func healthAlert(_ input: PlaybookInput, _ missing: inout MissingFields)
        -> Result<(data: [String: Any], to: [Draft.Recipient], cc: [Draft.Recipient]), NotApplicable> {
        let account = input.account
        guard let after = input.health.score(weeksBack: 0), let before = input.health.score(weeksBack: 1) else {
            return .failure(NotApplicable("\(account.name) needs two weekly scores for a before and after"))
        }
        guard after.total < before.total else {
            return .failure(NotApplicable("\(account.name)'s score did not drop: \(Format.oneDecimal(before.shown)) → \(Format.oneDecimal(after.shown)) from the week ending \(before.week) to \(after.week)"))
        }
        let comparison = ScoreComparison(from: before, to: after)
        let changes: [[String: Any]] = comparison.moves.prefix(4).map {
            ["metric": $0.label, "from": $0.before.reading?.shown ?? "missing", "to": $0.after.reading?.shown ?? "missing",
             "points": ($0.points > 0 ? "+" : "") + Format.oneDecimal($0.points)]
        }
        let csm = missing.fill(account.csm, "CSM name")
        let drop = (before.total - after.total) / before.total * 100
        return .success(([
            "account": account.name, "csm": csm,
            "before": Format.oneDecimal(before.shown), "beforeWeek": before.week.description, "after": Format.oneDecimal(after.shown),
            "afterWeek": after.week.description, "drop": "\(Format.oneDecimal(before.total - after.total)) points (-\(Format.percent(drop)))",
            "changes": changes, "tier": "\(after.band.emoji) \(after.band.label) (\(after.tier.priority))", "director": missing.fill(nil, "CSM director"),
        ], [Draft.Recipient(name: csm, email: nil)], []))
    }

    static func welcome(_ input: PlaybookInput, _ missing: inout MissingFields)
        -> Result<(data: [String: Any], to: [Draft.Recipient], cc: [Draft.Recipient]), NotApplicable> {
        switch OnboardingPlan.make(input) {
        case .failure(let why): return .failure(why)
        case .success(let plan):
            let side = customerSide(input)
            var data: [String: Any] = [
                "product": missing.fill(nil, "product name"), "company": input.account.name, "firstName": missing.fill(side.first, "first name"),
                "csm": missing.fill(input.account.csm, "CSM name"), "kickoffBy": max(plan.start.adding(days: 2), input.today).description,
                "week1": plan.phases[0].items.map(\.text), "aha": plan.aha, "ttfv": plan.ttfv, "ttfvDate": plan.ttfvDue.description,
                "guide": missing.fill(nil, "quick-start guide link"),
            ]
            if let kickoff = input.last(.kickoffHeld) { data["kickoffHeld"] = kickoff.date.description }
            if let sponsor = input.contact(.executiveSponsor) { data["sponsor"] = firstName(sponsor.name) }
            return .success((data, side.to, side.cc))
        }
    }

    static func renewal(_ input: PlaybookInput, _ missing: inout MissingFields)
        -> Result<(data: [String: Any], to: [Draft.Recipient], cc: [Draft.Recipient]), NotApplicable> {
        switch RenewalPrep.make(input) {
        case .failure(let why): return .failure(why)
        case .success(let prep):
            let side = customerSide(input)
            let achieved: [[String: Any]] = input.goals.filter(\.isAchieved).map { ["objective": $0.objective, "result": missing.fill($0.result, "result of '\($0.objective)'")] }
            let expansion = (try? Expansion.make(input).get()).flatMap { $0.hold == nil && !$0.signals.isEmpty ? $0.signals.prefix(2).map(\.signal).joined(separator: " and ") : nil }
            var data: [String: Any] = [
                "company": input.account.name, "firstName": missing.fill(side.first, "first name"), "plan": missing.fill(input.account.plan, "plan"),
                "renewalDate": prep.renewal.description, "daysLeft": prep.daysLeft, "achieved": achieved, "noResults": missing.fill(nil, "result delivered"),
                "timeline": prep.timeline.filter { $0.date >= input.today }.map { ["date": $0.date.description, "send": $0.send] },
                "csm": missing.fill(input.account.csm, "CSM name"),
            ]
            if let expansion { data["expansion"] = expansion }
            return .success((data, side.to, side.cc))
        }
    }

    static func escalation(_ input: PlaybookInput, _ missing: inout MissingFields, _ caution: inout String?)
        -> Result<(data: [String: Any], to: [Draft.Recipient], cc: [Draft.Recipient]), NotApplicable> {
        var made = SavePlan.make(input)
        // Asked for an account that is not at risk: written anyway, with what the data says above it.
        if case .failure(let why) = made, !input.health.isChurned, let score = input.health.current {
            caution = "the data does not call for an escalation — " + why.reason
            made = .success(SavePlan(input, score: score))
        }
        switch made {
        case .failure(let why): return .failure(why)
        case .success(let plan):
            let account = input.account
            let score = input.health.current!
            return .success(([
                "account": account.name, "executive": missing.fill(nil, "executive's name"), "segment": account.segment?.label ?? missing.fill(nil, "segment"),
                "arr": account.arr?.description ?? missing.fill(nil, "ARR"), "renewal": account.renewalDate?.description ?? missing.fill(nil, "renewal date"),
                "score": Format.oneDecimal(score.shown), "tier": "\(score.band.label), \(plan.tier.priority)", "risk": plan.level.label,
                "rootCause": "\(plan.rootCause.rawValue) — \(plan.rootCause.meaning)", "evidence": Array(plan.evidence.prefix(4)),
                "steps": plan.within48Hours.map { ["by": $0.by.description, "action": $0.action, "owner": $0.owner] },
                "recovery": plan.recovery.map { ["date": $0.date.description, "week": $0.week, "goal": $0.goal] },
                "theirExecutive": input.contact(.executiveSponsor).map { "\($0.name)\($0.title.map { ", \($0)" } ?? "")" } ?? missing.fill(nil, "their executive"),
                "csm": missing.fill(account.csm, "CSM name"),
            ], [], []))
        }
    }
}
