namespace Upward.Web.Pages.PhaseOne;

/// <summary>A current participant as phase 1 pages show them: enrolment, pseudonymous code and name.</summary>
public sealed record Participant(Guid EnrolmentId, string Code, string Name);
