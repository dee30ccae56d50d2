using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;

namespace Upward.Web.Pages.People;

/// <summary>
/// One person of a programme found from what a coordinator typed: a participant code (any case, spaces around it
/// ignored) or an enrolment id, as a one-press button posts it. One indexed look-up, so a form need not list the
/// whole programme (5,000 mentors and 5,000 mentees are too many to choose from); an empty field, an unknown code
/// and someone in another role each get their own sentence for the error summary. What the person's status allows
/// is the caller's to say.
/// </summary>
public static class ParticipantCodeLookup
{
    /// <summary>Someone found: their enrolment, code, role and where they are.</summary>
    public sealed record Person(Guid EnrolmentId, string Code, ProgrammeRole Role, EnrolmentStatus Status);

    /// <summary>The person of the role asked for, or why there is none; <see cref="Code"/> is set whenever someone was found.</summary>
    public sealed record Result(Person? Found, string? Code, string? Error);

    /// <summary>Longer than any participant code the database holds: not echoed back, it cannot be one.</summary>
    private const int LongestCode = 16;

    public static async Task<Result> FindAsync(UpwardDbContext db, Guid programmeId, string? typed, ProgrammeRole role, CancellationToken ct)
    {
        var noun = role == ProgrammeRole.Mentee ? "mentee" : "mentor";
        var value = typed?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return new(null, null, $"Enter the {noun}'s participant code");
        }

        var enrolments = db.Enrolments.Where(e => e.ProgrammeId == programmeId);
        var byId = Guid.TryParse(value, out var id);
        if (!byId && value.Length > LongestCode)
        {
            return new(null, null, $"Enter a {noun}'s participant code, for example {ParticipantCode.For(role, 7)}");
        }
        var lower = value.ToLowerInvariant();
        // Codes are stored as issued (upper case): the exact code uses the index; another case is looked for only if that finds no one.
        var found = byId
            ? await enrolments.Where(e => e.Id == id).Select(e => new Person(e.Id, e.ParticipantCode, e.Role, e.Status)).FirstOrDefaultAsync(ct)
            : await enrolments.Where(e => e.ParticipantCode == value).Select(e => new Person(e.Id, e.ParticipantCode, e.Role, e.Status)).FirstOrDefaultAsync(ct)
                ?? await enrolments.Where(e => e.ParticipantCode.ToLower() == lower)
                    .OrderBy(e => e.ParticipantCode).Select(e => new Person(e.Id, e.ParticipantCode, e.Role, e.Status)).FirstOrDefaultAsync(ct);

        if (found is null)
        {
            return new(null, null, byId
                ? $"This {noun} is not in this programme"
                : $"No one in this programme has the participant code {value}. Check the code in People and progress");
        }
        if (found.Role != role)
        {
            return new(null, found.Code, $"{found.Code} is {RoleName(found.Role)}, not a {noun}. Enter a {noun}'s participant code");
        }
        return new(found, found.Code, null);
    }

    /// <summary>
    /// Shows what was found on the form's field: the person's code as its value where it was given by id or in
    /// another case (so the form reads as typed, never as an id from a button), and the error, if there is one.
    /// </summary>
    public static void ShowOnField(ModelStateDictionary state, string field, string? typed, string? code, string? error)
    {
        if (code is not null && !string.Equals(code, typed?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            state.SetModelValue(field, code, code);
        }
        if (error is not null)
        {
            state.AddModelError(field, error);
        }
    }

    private static string RoleName(ProgrammeRole role) => role switch
    {
        ProgrammeRole.Mentor => "a mentor",
        ProgrammeRole.Mentee => "a mentee",
        ProgrammeRole.Coordinator => "a coordinator",
        ProgrammeRole.Facilitator => "a facilitator",
        ProgrammeRole.Researcher => "a researcher",
        ProgrammeRole.ConcernsLead => "the named lead for concerns",
        _ => "in another role",
    };
}
