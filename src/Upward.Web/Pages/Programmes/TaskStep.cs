namespace Upward.Web.Pages.Programmes;

/// <summary>
/// One step of a programme's task list: its place in the method (<paramref name="Order"/>), its name,
/// where it stands, where to do it (null when the person has nothing to open there), its figures
/// ("Consent: 12 of 15") and, when the step needs the person now, what to do in a sentence.
/// </summary>
public sealed record TaskStep(int Order, string Name, StepStatus Status, string? Href, string? Figures, string? NextAction = null)
{
    /// <summary>When the step's questionnaires close by the programme's timeline; the task list shows the last day.</summary>
    public DateTime? ClosesAtUtc { get; init; }

    /// <summary>Whether this step is something the person can act on now.</summary>
    public bool NeedsAction => NextAction is not null && Href is not null && Status is StepStatus.NotStarted or StepStatus.InProgress;
}
