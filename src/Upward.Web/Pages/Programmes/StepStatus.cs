namespace Upward.Web.Pages.Programmes;

/// <summary>Where one step of the programme's task list stands, in the NHS.UK task list's words.</summary>
public enum StepStatus
{
    /// <summary>Something earlier must happen first (consent, the allocation, the wave being opened).</summary>
    CannotStartYet,
    NotStarted,
    InProgress,
    Completed,

    /// <summary>A questionnaire that closed before the person answered it: nothing more can be done.</summary>
    Closed,
}

public static class StepStatusWords
{
    public static string Of(StepStatus status) => status switch
    {
        StepStatus.CannotStartYet => "Cannot start yet",
        StepStatus.NotStarted => "Not started",
        StepStatus.InProgress => "In progress",
        StepStatus.Completed => "Completed",
        StepStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    /// <summary>The tag's classes as the NHS.UK task list styles each status (finished and blocked steps are plain text).</summary>
    public static string TagClasses(StepStatus status) => status switch
    {
        StepStatus.NotStarted => "nhsuk-tag nhsuk-tag--blue",
        StepStatus.InProgress => "nhsuk-tag nhsuk-tag--aqua-green",
        StepStatus.Completed => "nhsuk-tag nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal",
        _ => "nhsuk-tag nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal nhsuk-u-secondary-text-colour",
    };
}
