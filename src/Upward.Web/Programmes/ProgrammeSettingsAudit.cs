using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;

namespace Upward.Web.Programmes;

/// <summary>The programme's settings as they were before a change, to audit the old and new values.</summary>
public sealed class ProgrammeSettingsAudit
{
    private readonly string _name;
    private readonly int _k, _limit, _retention, _perMentor, _sessions;
    private readonly string _timeZone;
    private readonly string? _ethics;
    private readonly Core.Allocation.SupervisorRule _rule;
    private readonly List<string> _departments, _specialties;

    private ProgrammeSettingsAudit(Programme p)
    {
        (_name, _k, _limit, _retention, _perMentor, _sessions) = (p.Name, p.AnonymityThreshold, p.SessionTimeLimitMinutes, p.RetentionMonths, p.MenteesPerMentor, p.SessionsPerPair);
        (_timeZone, _ethics, _rule) = (p.TimeZone, p.EthicsReference, p.SupervisorRule);
        (_departments, _specialties) = ([.. p.Departments], [.. p.Specialties]);
    }

    public static ProgrammeSettingsAudit Before(Programme programme) => new(programme);

    /// <summary>Every setting that differs now, as "Name: old → new; …".</summary>
    public string After(Programme p) => new SettingsChanges()
        .Compare("Name", _name, p.Name)
        .Compare("AnonymityThreshold", _k, p.AnonymityThreshold)
        .Compare("SessionTimeLimitMinutes", _limit, p.SessionTimeLimitMinutes)
        .Compare("TimeZone", _timeZone, p.TimeZone)
        .Compare("EthicsReference", _ethics, p.EthicsReference)
        .Compare("RetentionMonths", _retention, p.RetentionMonths)
        .Compare("SupervisorRule", _rule, p.SupervisorRule)
        .Compare("MenteesPerMentor", _perMentor, p.MenteesPerMentor)
        .Compare("SessionsPerPair", _sessions, p.SessionsPerPair)
        .CompareLists("Departments", _departments, p.Departments)
        .CompareLists("Specialties", _specialties, p.Specialties)
        .ToString();
}

/// <summary>Whether a programme has anonymous feedback in any form: sent, sealed or in the pool.</summary>
public static class AnonymousFeedbackQueries
{
    public static async Task<bool> AnonymousFeedbackExistsAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct) =>
        await db.AnonymousContributors.AnyAsync(c => c.ProgrammeId == programmeId, ct)
        || await db.PendingContributions.AnyAsync(c => c.ProgrammeId == programmeId, ct)
        || await db.AnonymousContributions.AnyAsync(c => c.ProgrammeId == programmeId, ct);
}
