using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;

namespace Upward.Web.Pages.Allocation;

/// <summary>
/// What "Pair by hand" was given, made into one enrolment of the programme: a participant code as the
/// coordinator types it (any case, spaces around it ignored), or an enrolment id as the waiting table's
/// one-press buttons post it. One indexed look-up, so the form need not list the whole programme; an
/// unknown code, someone in another role or someone not taking part is told apart, for the error summary.
/// </summary>
internal static class HandPairingCodes
{
    /// <summary>The enrolment found and its code, or why there is none (a sentence for the error summary).</summary>
    public sealed record Found(Guid? EnrolmentId, string? Code, string? Error);

    /// <summary>Longer than any participant code the database holds: not echoed back, it cannot be one.</summary>
    private const int LongestCode = 16;

    public static async Task<Found> FindAsync(UpwardDbContext db, Guid programmeId, string? typed, ProgrammeRole role, CancellationToken ct)
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
            ? await enrolments.Where(e => e.Id == id).Select(e => new { e.Id, e.ParticipantCode, e.Role, e.Status }).FirstOrDefaultAsync(ct)
            : await enrolments.Where(e => e.ParticipantCode == value).Select(e => new { e.Id, e.ParticipantCode, e.Role, e.Status }).FirstOrDefaultAsync(ct)
                ?? await enrolments.Where(e => e.ParticipantCode.ToLower() == lower)
                    .OrderBy(e => e.ParticipantCode).Select(e => new { e.Id, e.ParticipantCode, e.Role, e.Status }).FirstOrDefaultAsync(ct);

        if (found is null)
        {
            return new(null, null, byId
                ? $"This {noun} is not in this programme"
                : $"No one in this programme has the participant code {value}. Check the code in People and progress");
        }
        if (found.Role != role)
        {
            return new(null, found.ParticipantCode, $"{found.ParticipantCode} is {RoleName(found.Role)}, not a {noun}. Enter a {noun}'s participant code");
        }
        return found.Status switch
        {
            EnrolmentStatus.Consented => new(found.Id, found.ParticipantCode, null),
            EnrolmentStatus.Withdrawn => new(null, found.ParticipantCode, $"{found.ParticipantCode} has withdrawn from the programme, so cannot be paired"),
            EnrolmentStatus.Declined => new(null, found.ParticipantCode, $"{found.ParticipantCode} chose not to take part, so cannot be paired"),
            _ => new(null, found.ParticipantCode, $"{found.ParticipantCode} has not yet agreed to take part, so cannot be paired yet"),
        };
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
