using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Pages.Notifications;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>
/// The programme's questionnaires: a participant sees those put to them; a coordinator also sees
/// every wave with how many have answered (never what), and opens, closes and adds them.
/// </summary>
[Requires(ProgrammeCapability.ManageQuestionnaires)]
public sealed class IndexModel(UpwardDbContext db, QuestionnaireNotices notices, TimeProvider clock) : ProgrammePageModel
{
    public IReadOnlyList<MyWave> Mine { get; private set; } = [];
    public IReadOnlyList<WaveRow> Waves { get; private set; } = [];
    public bool Manages { get; private set; }

    /// <summary>How many were just reminded, after "Remind those who have not answered".</summary>
    [FromQuery(Name = "reminded")] public int? Reminded { get; set; }

    public sealed record MyWave(Guid WaveId, string Title, string Stage, bool IsOpen, ResponseStatus? Status);
    /// <param name="NotApplicable">People of the audience it is not put to (never paired, for a one-to-one stage).</param>
    public sealed record WaveRow(Guid WaveId, Guid InstrumentId, string Title, int Version, string Audience, string Stage, bool IsOpen, int Submitted, int Started, int Audiences, int NotApplicable);

    [Requires(ProgrammeCapability.ViewOverview)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Manages = May(ProgrammeCapability.ManageQuestionnaires);
        var waves = await db.Waves.Where(w => w.ProgrammeId == ProgrammeId)
            .Join(db.Instruments, w => w.InstrumentId, i => i.Id, (w, i) => new { Wave = w, i.Title, i.Version })
            .ToListAsync(ct);
        waves = waves.OrderBy(w => w.Wave.Stage).ThenBy(w => w.Wave.Audience).ToList();

        if (May(ProgrammeCapability.AnswerQuestionnaires))
        {
            var userId = User.UserId();
            var enrolments = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.UserId == userId && e.Status == EnrolmentStatus.Consented).ToListAsync(ct);
            var enrolmentIds = enrolments.Select(e => e.Id).ToList();
            var responses = await db.Responses.Where(r => enrolmentIds.Contains(r.EnrolmentId)).ToListAsync(ct);
            var paired = (await db.PairedEnrolmentsAsync(ProgrammeId, ct)).ToHashSet();
            var waiting = await db.ToldTheyWaitAsync(ProgrammeId, ct);
            Mine = waves.Where(w => w.Wave.OpenedAtUtc is not null
                    && enrolments.Any(e => e.Role == w.Wave.Audience && StageApplicability.AppliesTo(w.Wave.Stage, paired.Contains(e.Id), waiting.Contains(e.Id))))
                .Select(w => new MyWave(w.Wave.Id, w.Title, StageNames.Of(w.Wave.Stage), w.Wave.IsOpen,
                    responses.FirstOrDefault(r => r.WaveId == w.Wave.Id)?.Status))
                .ToList();
        }
        if (Manages)
        {
            var counts = await db.Responses.Where(r => waves.Select(w => w.Wave.Id).Contains(r.WaveId))
                .GroupBy(r => new { r.WaveId, r.Status }).Select(g => new { g.Key.WaveId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
            var consented = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Status == EnrolmentStatus.Consented)
                .Select(e => new { e.Id, e.Role }).ToListAsync(ct);
            var everPaired = (await db.PairedEnrolmentsAsync(ProgrammeId, ct)).ToHashSet();
            var toldTheyWait = await db.ToldTheyWaitAsync(ProgrammeId, ct);
            // A one-to-one stage is put only to people who were paired: the others are not applicable, not missing.
            int Audience(Wave w) => consented.Count(e => e.Role == w.Audience && StageApplicability.AppliesTo(w.Stage, everPaired.Contains(e.Id), toldTheyWait.Contains(e.Id)));
            int NotApplicable(Wave w) => consented.Count(e => e.Role == w.Audience) - Audience(w);
            Waves = waves.Select(w => new WaveRow(w.Wave.Id, w.Wave.InstrumentId, w.Title, w.Version, Plural(w.Wave.Audience), StageNames.Of(w.Wave.Stage), w.Wave.IsOpen,
                counts.Where(c => c.WaveId == w.Wave.Id && c.Status == ResponseStatus.Submitted).Sum(c => c.Count),
                counts.Where(c => c.WaveId == w.Wave.Id).Sum(c => c.Count),
                Audience(w.Wave), NotApplicable(w.Wave))).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddBuiltInsAsync(CancellationToken ct)
    {
        var added = await BuiltInWaves.AddAsync(db, Programme, ct);
        db.Audit(AuditAction.QuestionnaireWavesCreated, User.UserId(), Programme.OrganisationId, Programme.Id, $"{added} waves");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Questionnaires/Index", new { programmeId = ProgrammeId });
    }

    public Task<IActionResult> OnPostOpenAsync(Guid waveId, CancellationToken ct) => SetOpenAsync(waveId, true, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid waveId, CancellationToken ct) => SetOpenAsync(waveId, false, ct);

    private async Task<IActionResult> SetOpenAsync(Guid waveId, bool open, CancellationToken ct)
    {
        var wave = await db.Waves.SingleOrDefaultAsync(w => w.Id == waveId && w.ProgrammeId == ProgrammeId, ct);
        if (wave is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (open) wave.Open(now); else wave.Close(now);
        db.Audit(open ? AuditAction.QuestionnaireWaveOpened : AuditAction.QuestionnaireWaveClosed, User.UserId(), Programme.OrganisationId, Programme.Id, wave.Id.ToString());
        await db.SaveChangesAsync(ct);
        if (open) await notices.OpenedAsync(Programme, wave, ct);
        return RedirectToPage("/Questionnaires/Index", new { programmeId = ProgrammeId });
    }

    /// <summary>Reminds everyone in the wave's audience who has not answered it yet (each at most once a day).</summary>
    public async Task<IActionResult> OnPostRemindAsync(Guid waveId, CancellationToken ct)
    {
        var wave = await db.Waves.SingleOrDefaultAsync(w => w.Id == waveId && w.ProgrammeId == ProgrammeId, ct);
        if (wave is null) return NotFound();
        if (!wave.IsOpen) return RedirectToPage("/Questionnaires/Index", new { programmeId = ProgrammeId });
        var reminded = await notices.RemindAsync(Programme, wave, ct);
        db.Audit(AuditAction.AnswerRemindersSent, User.UserId(), Programme.OrganisationId, Programme.Id, wave.Id.ToString(), $"{reminded} reminded");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Questionnaires/Index", new { programmeId = ProgrammeId, reminded });
    }

    private static string Plural(ProgrammeRole role) => role switch
    {
        ProgrammeRole.Mentor => "Mentors",
        ProgrammeRole.Mentee => "Mentees",
        _ => role.ToString(),
    };
}
