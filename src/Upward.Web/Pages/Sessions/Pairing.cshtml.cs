using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Identity;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// A pair's own page: who they are paired with, the ground rules to accept, the mentor's copy of the
/// feedback brief, and where the pair stands with its sessions, action plan and private notes, each
/// of which has a page of its own. Without a pairing in the address, the person's pairings.
/// </summary>
public sealed class PairingModel(UpwardDbContext db, Upward.Web.Pages.Preparation.PreparationQueries preparation, TimeProvider clock) : PairPageModel(db)
{
    public IReadOnlyList<(Pairing Pairing, string Partner)> MyPairings { get; private set; } = [];
    public IReadOnlyList<MentoringSession> Sessions { get; private set; } = [];
    public int ActionCount { get; private set; }
    public int ActionsDone { get; private set; }
    public int NoteCount { get; private set; }
    public IReadOnlyList<(string Domain, string Text)> Brief { get; private set; } = [];

    /// <summary>Whether the brief came from anonymous feedback rather than a group session, so the page names it so.</summary>
    public bool AnonymousBrief { get; private set; }

    /// <summary>For a patient or carer mentor, the programme's safeguarding contact; null for staff, who know their usual route.</summary>
    public Core.Preparation.PreparationSettings? Safeguarding { get; private set; }

    /// <summary>Just ended their pairing (shown once, after the redirect).</summary>
    [FromQuery] public bool Ended { get; set; }

    /// <summary>The next session suggested or agreed, if any.</summary>
    public MentoringSession? Planned => Sessions.FirstOrDefault(s => s.Status is SessionStatus.Proposed or SessionStatus.Agreed);

    public int Held => Sessions.Count(s => s.Status == SessionStatus.Held);

    public IActionResult OnGet() =>
        PairingId is null && MyPairings.Count == 1 ? RedirectToPage("/Sessions/Pairing", new { programmeId = ProgrammeId, pairingId = MyPairings[0].Pairing.Id }) : Page();

    public async Task<IActionResult> OnPostAcceptRulesAsync(CancellationToken ct)
    {
        if (PairingId is null) return NotFound();
        var pairing = Pair.Pairing;
        if (pairing.AcceptedBy(Pair.Side, Rules.Version)) return Redirect(PairPath());
        pairing.AcceptGroundRules(Pair.Side, Rules.Version, clock.GetUtcNow().UtcDateTime);
        Db.Audit(AuditAction.GroundRulesAccepted, User.UserId(), Programme.OrganisationId, Programme.Id, $"pairing:{pairing.Id}", $"version {Rules.Version}");
        await Db.SaveChangesAsync(ct);
        return Redirect(PairPath());
    }

    /// <summary>The person's own active pairings, each with the other's name.</summary>
    protected override async Task<IActionResult?> OnNoPairAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var mine = await Db.MyPairingEnrolmentsAsync(ProgrammeId, userId, ct);
        var pairings = await Db.Pairings.Where(p => p.ProgrammeId == ProgrammeId && p.Status == PairingStatus.Active
            && (mine.Contains(p.MentorEnrolmentId) || mine.Contains(p.MenteeEnrolmentId))).ToListAsync(ct);
        var partnerIds = pairings.Select(p => mine.Contains(p.MentorEnrolmentId) ? p.MenteeEnrolmentId : p.MentorEnrolmentId).ToList();
        var names = await Db.Enrolments.Where(e => partnerIds.Contains(e.Id)).Join(Db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, u.DisplayName }).ToDictionaryAsync(x => x.Id, x => x.DisplayName, ct);
        MyPairings = pairings.Select(p => (p, names.GetValueOrDefault(mine.Contains(p.MentorEnrolmentId) ? p.MenteeEnrolmentId : p.MentorEnrolmentId) ?? "")).ToList();
        return null;
    }

    /// <summary>Where the pair stands, and for the mentor the brief released to them.</summary>
    protected override async Task<IActionResult?> OnPairLoadedAsync(CancellationToken ct)
    {
        var pairingId = Pair.Pairing.Id;
        if (Pair.Side == SessionSide.Mentor && Core.Preparation.PatientMentors.Is(await Db.Enrolments.SingleAsync(e => e.Id == Pair.MyEnrolmentId, ct), Programme.Type))
        {
            Safeguarding = await preparation.SettingsAsync(ProgrammeId, ct);
        }
        Sessions = await Db.SessionsOfAsync(pairingId, ct);
        NoteCount = await Db.PrivateNotes.CountAsync(n => n.PairingId == pairingId && n.AuthorEnrolmentId == Pair.MyEnrolmentId, ct);
        ActionCount = await Db.ActionPlanItems.CountAsync(a => a.PairingId == pairingId, ct);
        ActionsDone = await Db.ActionPlanItems.CountAsync(a => a.PairingId == pairingId && a.Status == ActionStatus.Done, ct);
        if (Pair.Side == SessionSide.Mentor) await LoadBriefAsync(ct);
        return null;
    }

    private async Task LoadBriefAsync(CancellationToken ct)
    {
        var brief = await Db.FeedbackBriefs.Include(b => b.Sections)
            .SingleOrDefaultAsync(b => b.MenteeEnrolmentId == Pair.PartnerEnrolmentId && b.AllocatedMentorEnrolmentId == Pair.MyEnrolmentId && b.ReleasedToMentorAtUtc != null, ct);
        if (brief is null) return;
        var domains = Programme.Domains.ToDictionary(d => d.Id);
        AnonymousBrief = await Db.PhaseOneSettings.AnyAsync(s => s.ProgrammeId == Programme.Id && s.Mode == Core.PhaseOne.FeedbackMode.Anonymous, ct);
        Brief = brief.Sections.Where(s => domains.ContainsKey(s.DomainId)).OrderBy(s => domains[s.DomainId].Position)
            .Select(s => (domains[s.DomainId].Name, s.Rating is null ? s.Text : $"{s.Text}\n{s.Rating}".Trim())).ToList();
    }
}
