using Upward.Core.Auditing;

namespace Upward.Data;

/// <summary>Adds audit entries to the same unit of work as the action they record, so both land or neither does.</summary>
public static class AuditLog
{
    public static void Audit(this UpwardDbContext db, string action, Guid? actorUserId,
        Guid? organisationId = null, Guid? programmeId = null, string? subject = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Action = action,
            ActorUserId = actorUserId,
            OrganisationId = organisationId,
            ProgrammeId = programmeId,
            Subject = subject,
            Detail = detail is { Length: > AuditEntry.DetailLimit } ? detail[..(AuditEntry.DetailLimit - 1)] + "…" : detail,
        });
}
