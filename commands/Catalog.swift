import Shell

/// Every command, in the order `help` lists them.
public enum Catalog {
    public static let commands: [Command] = [
        ScoreCommand(),
        TrendCommand(),
        WhyCommand(),
        WhatIfCommand(),
        ListAccountsCommand(),
        ShowCommand(),
        TimelineCommand(),
        AlertsCommand(),
        ChurnRiskCommand(),
        ModelCommand(),
        OnboardingPlanCommand(),
        SuccessPlanCommand(),
        GoalCommand(),
        MilestoneCommand(),
        UseCaseCommand(),
        ExpansionCommand(),
        QBRPrepCommand(),
        SavePlanCommand(),
        WinBackPlanCommand(),
        RenewalPrepCommand(),
        DraftCommand(),
        CopyCommand(),
        SaveCommand(),
        DraftsCommand(),
        SetCommand(),
        LogCommand(),
        NoteCommand(),
        UndoCommand(),
        ImportCommand(),
        ExportCommand(),
        HelpCommand(),
        QuitCommand(),
    ]
}
