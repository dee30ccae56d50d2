using Upward.Core.Programmes;

namespace Upward.Web.Pages.People;

/// <summary>
/// Narrowing the people board by role and by where people are, in the database. Values come from the
/// query string: anything not offered (typed, stale or tampered) means "everyone", never an error.
/// </summary>
public static class PeopleBoardFilter
{
    public const string Mentors = "mentors";
    public const string Mentees = "mentees";

    public static readonly IReadOnlyList<(string Value, string Label)> RoleOptions =
    [
        ("", "Everyone"),
        (Mentors, "Mentors"),
        (Mentees, "Mentees"),
    ];

    public const string Agreed = "agreed";
    public const string NotAnswered = "not-answered";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";

    /// <summary>Invited, and the invitation not yet accepted (open or expired): not enrolled yet, so no participant code.</summary>
    public const string Invited = "invited";

    public static readonly IReadOnlyList<(string Value, string Label)> StatusOptions =
    [
        ("", "At any stage"),
        (Agreed, "Agreed to take part"),
        (NotAnswered, "Joined, consent not answered"),
        (Declined, "Chose not to take part"),
        (Withdrawn, "Withdrawn"),
        (Invited, "Invited, not yet joined"),
    ];

    /// <summary>The role filter asked for if it is one offered, otherwise null (everyone).</summary>
    public static string? ParseRole(string? requested) => Parse(requested, RoleOptions);

    /// <summary>The status filter asked for if it is one offered, otherwise null (anywhere).</summary>
    public static string? ParseStatus(string? requested) => Parse(requested, StatusOptions);

    private static string? Parse(string? requested, IReadOnlyList<(string Value, string Label)> options)
    {
        var value = requested?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(value) || !options.Any(o => o.Value == value) ? null : value;
    }

    public static ProgrammeRole? RoleOf(string? role) => ParseRole(role) switch
    {
        Mentors => ProgrammeRole.Mentor,
        Mentees => ProgrammeRole.Mentee,
        _ => null,
    };

    /// <summary>The enrolment status a status filter keeps; null for "anywhere" and for "invited" (which keeps invitations only).</summary>
    public static EnrolmentStatus? EnrolmentStatusOf(string? status) => ParseStatus(status) switch
    {
        Agreed => EnrolmentStatus.Consented,
        NotAnswered => EnrolmentStatus.Invited,
        Declined => EnrolmentStatus.Declined,
        Withdrawn => EnrolmentStatus.Withdrawn,
        _ => null,
    };

    /// <summary>Whether open invitations belong on the board under this status filter.</summary>
    public static bool ShowsInvitations(string? status) => ParseStatus(status) is null or Invited;

    /// <summary>Whether enrolled participants belong on the board under this status filter.</summary>
    public static bool ShowsParticipants(string? status) => ParseStatus(status) is not Invited;

    /// <summary>The filters in words, for "Showing 1 to 50 of 120 …" and for "nobody matches"; null when there are none.</summary>
    public static string? Describe(string? role, string? status)
    {
        var parts = new List<string>();
        if (ParseRole(role) is { } r) parts.Add(RoleOptions.Single(o => o.Value == r).Label.ToLowerInvariant());
        if (ParseStatus(status) is { } s) parts.Add(StatusOptions.Single(o => o.Value == s).Label.ToLowerInvariant());
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
