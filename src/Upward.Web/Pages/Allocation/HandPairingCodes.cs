using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Pages.People;

namespace Upward.Web.Pages.Allocation;

/// <summary>
/// What "Pair by hand" was given, made into one enrolment of the programme (see <see cref="ParticipantCodeLookup"/>),
/// and refused with a reason when that person is not taking part: only someone who agreed can be paired.
/// </summary>
internal static class HandPairingCodes
{
    /// <summary>The enrolment found and its code, or why there is none (a sentence for the error summary).</summary>
    public sealed record Found(Guid? EnrolmentId, string? Code, string? Error);

    public static async Task<Found> FindAsync(UpwardDbContext db, Guid programmeId, string? typed, ProgrammeRole role, CancellationToken ct)
    {
        var lookup = await ParticipantCodeLookup.FindAsync(db, programmeId, typed, role, ct);
        if (lookup.Found is not { } person)
        {
            return new(null, lookup.Code, lookup.Error);
        }
        return person.Status switch
        {
            EnrolmentStatus.Consented => new(person.EnrolmentId, person.Code, null),
            EnrolmentStatus.Withdrawn => new(null, person.Code, $"{person.Code} has withdrawn from the programme, so cannot be paired"),
            EnrolmentStatus.Declined => new(null, person.Code, $"{person.Code} chose not to take part, so cannot be paired"),
            _ => new(null, person.Code, $"{person.Code} has not yet agreed to take part, so cannot be paired yet"),
        };
    }
}
