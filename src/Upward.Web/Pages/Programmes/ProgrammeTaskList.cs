namespace Upward.Web.Pages.Programmes;

/// <summary>
/// What the programme page shows one person: their own steps (as a participant, facilitator or
/// researcher), the steps of running the programme (coordinators and organisation administrators),
/// the first thing they should do, and the other links their roles and the programme's settings make useful.
/// </summary>
public sealed record ProgrammeTaskList(
    IReadOnlyList<TaskStep> Mine,
    IReadOnlyList<TaskStep> Running,
    TaskStep? Next,
    IReadOnlyList<UsefulLink> Links)
{
    /// <summary>The first step, in the method's order, that needs the person: their own before the programme's.</summary>
    public static TaskStep? NextOf(IEnumerable<TaskStep> mine, IEnumerable<TaskStep> running) =>
        mine.OrderBy(s => s.Order).FirstOrDefault(s => s.NeedsAction) ?? running.OrderBy(s => s.Order).FirstOrDefault(s => s.NeedsAction);
}

/// <summary>A link below the task list, with a hint where its purpose is not obvious from its words.</summary>
public sealed record UsefulLink(string Href, string Text, string? Hint = null);
