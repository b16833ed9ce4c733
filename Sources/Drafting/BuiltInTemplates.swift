/// The built-in e-mail templates (Mustache), from the texts of seeds 000, 001 and 002.
/// The first line is the subject; a workspace overrides one with `templates/KIND.mustache`.
enum BuiltInTemplates {
    static func text(_ kind: DraftKind) -> String {
        switch kind {
        case .qbrRecap: return qbrRecap
        case .winBack7: return winBack7
        case .winBack30: return winBack30
        case .winBack90: return winBack90
        case .activation: return activation
        case .healthAlert: return healthAlert
        case .welcome: return welcome
        case .renewal: return renewal
        case .escalation: return escalation
        }
    }

    /// Seed 002 "QBR后的跟进模板".
    static let qbrRecap = """
        Subject: {{company}} — {{quarter}} Review Recap & Next Steps

        Hi {{firstName}},

        Thank you for our review on {{reviewDate}}. Here's a summary:

        What we achieved in {{quarter}}:
        {{#achieved}}
        - {{objective}}: {{result}}{{#metric}} ({{metric}}, from {{baseline}}){{/metric}}
        {{/achieved}}
        {{^achieved}}
        - {{noResults}}
        {{/achieved}}

        {{nextQuarter}} objectives:
        {{#objectives}}
        {{number}}. {{objective}} — Owner: {{owner}}, Target: {{target}} by {{due}}
        {{/objectives}}
        {{^objectives}}
        1. {{noObjectives}}
        {{/objectives}}

        Action items:
        {{#actions}}
        - [ ] {{action}} — {{owner}} by {{date}}
        {{/actions}}

        Next QBR: {{nextQBR}}

        Looking forward to another strong quarter together.

        {{csm}}
        """

    /// Seed 002 "流失后第7天的邮件".
    static let winBack7 = """
        Subject: {{subject}}

        Hi {{firstName}},

        I know {{reason}} was frustrating. I wanted you to know we've {{improvement}}.

        {{angle}}.

        No pressure — but if you'd like to take another look, I'm here.

        {{csm}}
        """

    /// Seed 002 "流失后第30天的邮件".
    static let winBack30 = """
        Subject: {{industry}} companies are seeing {{result}}

        Hi {{firstName}},

        Since we last spoke, {{similarCompany}} achieved {{result}} using {{product}}.

        We've shipped {{improvementCount}} improvements in the past month, including:
        - {{improvement1}}
        - {{improvement2}}

        Would a quick catch-up be useful? Happy to show what's new.

        {{csm}}
        """

    /// Seed 002 "仅在重大产品更新后的第90天发送的邮件".
    static let winBack90 = """
        Subject: {{product}} {{version}} — built with your feedback

        Hi {{firstName}},

        We just launched {{release}} and your feedback directly influenced it.

        {{whatsNew}}

        I'd love to give you a private preview. Want to jump on a 15-minute call this week?

        {{csm}}
        """

    /// Seed 002's activation sequence, when feature adoption is under 50%.
    static let activation = """
        Subject: {{subject}}

        Hi {{firstName}},

        {{opening}}

        Your team uses {{featuresUsed}} of the 6 core features today{{#unused}}; {{feature}} is one of the {{unused}} it hasn't tried yet{{/unused}}.

        {{ask}}

        {{csm}}
        """

    /// Seed 000 appendix B "健康度下降预警".
    static let healthAlert = """
        Subject: ⚠️ {{account}} health score dropped — act now

        Dear {{csm}},

        The health score of {{account}} has dropped and needs your attention now:

        ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
        Account:
        - Name: {{account}}
        - CSM: {{csm}}

        Health change:
        - Last week's score: {{before}} (week ending {{beforeWeek}})
        - This week's score: {{after}} (week ending {{afterWeek}})
        - Drop: {{drop}}

        Main changes:
        {{#changes}}
        - {{metric}}: {{from}} → {{to}} ({{points}} points)
        {{/changes}}

        Risk level: {{tier}}
        ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

        Recommended actions:
        1. Contact the customer within 24 hours
        2. Find the root cause ('why {{account}}' in cse)
        3. Draw up an intervention plan ('save plan {{account}}')
        4. Report to the CSM director ({{director}})

        Reply to this e-mail once handled, with the status.

        Thanks,
        Health alert system
        """

    /// Seed 001 day 1: the welcome e-mail with the CSM introduction.
    static let welcome = """
        Subject: Welcome to {{product}}, {{company}} — your first week

        Hi {{firstName}},

        Welcome aboard! I'm {{csm}}, your customer success manager: I'll be with you from setup to your first results and beyond.

        {{#kickoffHeld}}
        Thank you again for the kickoff on {{kickoffHeld}}. Here's what we'll get done in week 1:
        {{/kickoffHeld}}
        {{^kickoffHeld}}
        To start, I'd like to book a 30-minute onboarding meeting by {{kickoffBy}}, with you{{#sponsor}} and {{sponsor}}{{/sponsor}}. Here's what we'll get done in week 1:
        {{/kickoffHeld}}
        {{#week1}}
        - {{.}}
        {{/week1}}

        Our shared goal: {{aha}} within {{ttfv}} — by {{ttfvDate}}.

        Your quick-start guide: {{guide}}

        Talk soon,
        {{csm}}
        """

    static let renewal = """
        Subject: {{company}} renewal on {{renewalDate}} — next steps

        Hi {{firstName}},

        Your {{plan}} subscription renews on {{renewalDate}}, {{daysLeft}} days from now. Before then I'd like to walk through what we've achieved together and agree the terms for the next year.

        What we've delivered:
        {{#achieved}}
        - {{objective}}: {{result}}
        {{/achieved}}
        {{^achieved}}
        - {{noResults}}
        {{/achieved}}

        The steps from here:
        {{#timeline}}
        - {{date}}: {{send}}
        {{/timeline}}
        {{#expansion}}

        With {{expansion}}, it may be the moment to look at the size of your plan as well.
        {{/expansion}}

        Could we find 30 minutes in the next two weeks?

        {{csm}}
        """

    /// The save plan, escalated to an executive on our side.
    static let escalation = """
        Subject: Escalation: {{account}} — {{arr}} ARR at {{risk}} churn risk

        Hi {{executive}},

        {{account}} ({{segment}}, {{arr}} ARR, renews {{renewal}}) needs executive help. Health is {{score}} ({{tier}}) and churn risk is {{risk}}.

        Root cause: {{rootCause}}.
        {{#evidence}}
        - {{.}}
        {{/evidence}}

        What happens in the next 48 hours:
        {{#steps}}
        - {{by}}: {{action}} ({{owner}})
        {{/steps}}

        30-day recovery, checked weekly:
        {{#recovery}}
        - {{date}} ({{week}}): {{goal}}
        {{/recovery}}

        What I need from you: a call with {{theirExecutive}} this week.

        {{csm}}
        """
}
