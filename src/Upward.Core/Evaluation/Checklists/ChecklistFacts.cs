using Upward.Core.Programmes;

namespace Upward.Core.Evaluation.Checklists;

/// <summary>What the checklists need beyond the evaluation report: the setting and the plan.</summary>
/// <param name="SetUpOn">The day the programme was set up, written out (for example "3 March 2025").</param>
/// <param name="AnswersBetween">When questionnaires were answered, written out, or null when none were.</param>
/// <param name="Design">The analysis plan's design (<see cref="AnalysisPlan.SingleGroupBeforeAfter"/> or another).</param>
/// <param name="PatientMentors">Participants taking part as patient or carer mentors.</param>
/// <param name="PreparationModules">The titles of the preparation modules the programme offers.</param>
/// <param name="SafeguardingContactShown">Whether the programme names a safeguarding contact on patient mentors' pages.</param>
/// <param name="ExpenseClaimsPaid">Patient mentors' expenses claims marked paid.</param>
public sealed record ChecklistFacts(
    string Organisation,
    ProgrammeType Type,
    string SetUpOn,
    string? AnswersBetween,
    string Design,
    double Alpha,
    int PatientMentors,
    IReadOnlyList<string> PreparationModules,
    bool SafeguardingContactShown = false,
    int ExpenseClaimsPaid = 0);
