using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.Admin;

/// <summary>
/// Reads what audit entries point at (a user, an invitation, a questionnaire wave or response, an
/// export) into words for <see cref="AuditSentences"/>, with a few queries for a whole page of entries.
/// </summary>
public sealed class AuditSubjects
{
    private readonly Dictionary<Guid, string> _people = [];
    private readonly Dictionary<Guid, string> _programmes = [];
    private readonly Dictionary<Guid, string> _waves = [];
    private readonly Dictionary<Guid, Guid> _responseWaves = [];
    private readonly Dictionary<Guid, string> _invitations = [];

    public static async Task<AuditSubjects> LoadAsync(UpwardDbContext db, Guid? organisationId, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var subjects = new AuditSubjects();
        var ids = entries.SelectMany(e => IdsIn(e.Subject)).ToHashSet();
        var people = entries.Where(e => e.ActorUserId is not null).Select(e => e.ActorUserId!.Value).Concat(ids).Distinct().ToList();
        foreach (var u in await db.Users.Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        {
            subjects._people[u.Id] = u.DisplayName;
        }
        foreach (var p in await db.Programmes.Where(p => p.OrganisationId == organisationId).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
        {
            subjects._programmes[p.Id] = p.Name;
        }
        var programmeIds = subjects._programmes.Keys.ToList();
        foreach (var r in await db.Responses.Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.WaveId }).ToListAsync(ct))
        {
            subjects._responseWaves[r.Id] = r.WaveId;
        }
        var waveIds = ids.Concat(subjects._responseWaves.Values).ToList();
        foreach (var w in await db.Waves.Where(w => waveIds.Contains(w.Id) && programmeIds.Contains(w.ProgrammeId)).Select(w => new { w.Id, w.Stage, w.Audience }).ToListAsync(ct))
        {
            subjects._waves[w.Id] = $"the {StageNames.Of(w.Stage).ToLowerInvariant()} questionnaire for {(w.Audience == ProgrammeRole.Mentor ? "mentors" : w.Audience == ProgrammeRole.Mentee ? "mentees" : w.Audience.ToString().ToLowerInvariant())}";
        }
        foreach (var i in await db.Invitations.Where(i => ids.Contains(i.Id) && programmeIds.Contains(i.ProgrammeId)).Select(i => new { i.Id, i.Name, i.Role }).ToListAsync(ct))
        {
            var role = i.Role.ToString().ToLowerInvariant();
            subjects._invitations[i.Id] = $"{i.Name} as {("aeiou".Contains(role[0]) ? "an" : "a")} {role}";
        }
        return subjects;
    }

    /// <summary>The entry as a sentence, with its actor's and programme's names.</summary>
    public string SentenceFor(AuditEntry entry) => AuditSentences.Of(entry.Action, new AuditSentences.Words(
        entry.ActorUserId is { } actor ? _people.GetValueOrDefault(actor, "A person whose account was removed") : null,
        entry.ProgrammeId is { } programme ? _programmes.GetValueOrDefault(programme) : null,
        ThingOf(entry)));

    private string? ThingOf(AuditEntry entry)
    {
        var subject = entry.Subject ?? "";
        return entry.Action switch
        {
            AuditAction.QuestionnaireWaveOpened or AuditAction.QuestionnaireWaveClosed =>
                Guid.TryParse(subject, out var wave) ? _waves.GetValueOrDefault(wave) : null,
            AuditAction.QuestionnaireSubmitted =>
                Guid.TryParse(subject, out var response) && _responseWaves.TryGetValue(response, out var w) ? _waves.GetValueOrDefault(w) : null,
            AuditAction.InvitationSent => IdAfter(subject, "invitation:") is { } invitation ? _invitations.GetValueOrDefault(invitation) : null,
            AuditAction.BriefReleased => subject.EndsWith("to:mentee", StringComparison.Ordinal) ? "the mentee it is about" : "the mentor allocated to its mentee",
            AuditAction.AllocationConfirmed => subject.StartsWith("allocation:random:seed=", StringComparison.Ordinal)
                ? $"at random within willingness (seed {subject["allocation:random:seed=".Length..]})"
                : subject.StartsWith("allocation:optimal", StringComparison.Ordinal) ? "for best fit" : null,
            AuditAction.SteppedWedgeStepStarted => subject.StartsWith("step ", StringComparison.Ordinal) ? subject : null,
            AuditAction.ProgrammeStageChanged => subject.StartsWith("status:", StringComparison.Ordinal) ? subject["status:".Length..].ToLowerInvariant() : null,
            AuditAction.EvaluationExported => subject.StartsWith("export:", StringComparison.Ordinal) ? $"the evaluation's {subject["export:".Length..]}" : null,
            AuditAction.Exported => subject == "themes-by-stage.csv" ? "Table 1 (themes by stage) as CSV" : subject.Length > 0 ? subject : null,
            _ => IdAfter(subject, "user:") is { } user ? _people.GetValueOrDefault(user) : null,
        };
    }

    private static Guid? IdAfter(string subject, string prefix) =>
        subject.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(subject.AsSpan(prefix.Length), out var id) ? id : null;

    /// <summary>Every id an entry's subject mentions ("user:…", "invitation:…", a bare wave or response id).</summary>
    private static IEnumerable<Guid> IdsIn(string? subject)
    {
        if (subject is null) yield break;
        foreach (var part in subject.Split(' ', ':'))
        {
            if (Guid.TryParse(part, out var id)) yield return id;
        }
    }
}
