using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// A pair's own page: ground rules, sessions with calendar invitations, the mentor's copy of the
/// feedback brief, the mentee's action plan and each side's private notes. Only the two people in
/// the pairing can open it; notes show only their author's own.
/// </summary>
[Requires(ProgrammeCapability.HoldSessions)]
public sealed class PairingModel(UpwardDbContext db, SessionInvitations invitations, Upward.Web.Pages.Preparation.PreparationQueries preparation, TimeProvider clock) : ProgrammePageModel
{
    [FromRoute] public Guid? PairingId { get; set; }

    [BindProperty] public ProposeInput Propose { get; set; } = new();
    [BindProperty] public HeldInput Held { get; set; } = new();
    [BindProperty] public NoteInput Note { get; set; } = new();
    [BindProperty] public ActionInput NewAction { get; set; } = new();

    public IReadOnlyList<(Pairing Pairing, string Partner)> MyPairings { get; private set; } = [];
    public Pairing? Pairing { get; private set; }
    public SessionSide Side { get; private set; }
    public Guid MyEnrolmentId { get; private set; }
    public string Partner { get; private set; } = "";
    public IReadOnlyList<MentoringSession> Sessions { get; private set; } = [];
    public IReadOnlyList<PrivateNote> MyNotes { get; private set; } = [];
    public IReadOnlyList<ActionPlanItem> Actions { get; private set; } = [];
    public IReadOnlyList<(string Domain, string Text)> Brief { get; private set; } = [];

    /// <summary>Whether the brief came from anonymous feedback rather than a group session, so the page names it so.</summary>
    public bool AnonymousBrief { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public GroundRulesInForce Rules { get; private set; } = null!;

    /// <summary>For a patient or carer mentor, the programme's safeguarding contact; null for staff, who know their usual route.</summary>
    public Core.Preparation.PreparationSettings? Safeguarding { get; private set; }

    /// <summary>Both sides have accepted the ground rules in force, which every session needs first.</summary>
    public bool RulesAccepted => Pairing?.GroundRulesAccepted(Rules.Version) == true;

    /// <summary>The programme's cadence is complete for this pair.</summary>
    public bool AllSessionsHeld => Sessions.Count(s => s.Status == SessionStatus.Held) >= Programme.SessionsPerPair;

    /// <summary>Now, for deciding which forms can be used (a session is recorded as held only once it has started).</summary>
    public DateTime NowUtc { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>Just ended their pairing (shown once, after the redirect).</summary>
    [FromQuery] public bool Ended { get; set; }

    /// <summary>Just recorded a session held elsewhere (shown once, after the redirect).</summary>
    [FromQuery] public bool Recorded { get; set; }

    public static readonly IReadOnlyList<RadioOption> TimeFeltOptions =
    [
        new(nameof(TimeFelt.TooShort), "Too short"), new(nameof(TimeFelt.AboutRight), "About right"), new(nameof(TimeFelt.TooLong), "Too long"),
    ];
    public static readonly IReadOnlyList<RadioOption> ActionStatusOptions =
    [
        new(nameof(ActionStatus.NotStarted), "Not started"), new(nameof(ActionStatus.InProgress), "In progress"), new(nameof(ActionStatus.Done), "Done"),
    ];

    public sealed class ProposeInput
    {
        public string? Day { get; set; }
        public string? Month { get; set; }
        public string? Year { get; set; }
        public string? Time { get; set; }
        [Required(ErrorMessage = "Enter where you will meet, or a video link")]
        [StringLength(500, ErrorMessage = "The place must be 500 characters or fewer")]
        public string? Place { get; set; }
        public int? TimeLimitMinutes { get; set; }
    }

    public sealed class HeldInput
    {
        public Guid SessionId { get; set; }
        public HowMet? HowMet { get; set; }
        public int? Minutes { get; set; }
        public TimeFelt? TimeFelt { get; set; }
        public string? OverTimeReason { get; set; }
    }

    public sealed class NoteInput
    {
        [Required(ErrorMessage = "Enter your note")]
        [StringLength(10000, ErrorMessage = "A note must be 10,000 characters or fewer")]
        public string? Text { get; set; }
    }

    public sealed class ActionInput
    {
        [Required(ErrorMessage = "Enter the action")]
        [StringLength(1000, ErrorMessage = "An action must be 1,000 characters or fewer")]
        public string? Text { get; set; }
        public string? DueDay { get; set; }
        public string? DueMonth { get; set; }
        public string? DueYear { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Pairing is null && MyPairings.Count == 1) return Redirect($"/programmes/{ProgrammeId}/pairing/{MyPairings[0].Pairing.Id}");
        Propose.TimeLimitMinutes = Programme.SessionTimeLimitMinutes;
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptRulesAsync(CancellationToken ct)
    {
        if (Pairing is null) return NotFound();
        if (Pairing.AcceptedBy(Side, Rules.Version)) return Back();
        Pairing.AcceptGroundRules(Side, Rules.Version, clock.GetUtcNow().UtcDateTime);
        db.Audit(AuditAction.GroundRulesAccepted, User.UserId(), Programme.OrganisationId, Programme.Id, $"pairing:{Pairing.Id}", $"version {Rules.Version}");
        await db.SaveChangesAsync(ct);
        return Back();
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (Pairing is null) return NotFound();
        ClearOtherForms(nameof(Propose));
        // Checked by hand as well: a form posted without the field at all is never bound, so never validated.
        if (string.IsNullOrWhiteSpace(Propose.Place) && !ModelState.ContainsKey("Propose.Place")) ModelState.AddModelError("Propose.Place", "Enter where you will meet, or a video link");
        if (!RulesAccepted) ModelState.AddModelError("Propose.Place", "You both need to accept the ground rules before agreeing a time");
        var startsAt = ParseStart();
        var limit = Propose.TimeLimitMinutes ?? Programme.SessionTimeLimitMinutes;
        if (limit is < 10 or > 480) ModelState.AddModelError("Propose.TimeLimitMinutes", "The time limit must be between 10 and 480 minutes");
        if (AllSessionsHeld)
            ModelState.AddModelError("Propose.Place", $"You have held all {SessionSentences.Count(Programme.SessionsPerPair, "session", "sessions")} this programme plans");
        else if (Sessions.Count(s => s.Status is SessionStatus.Proposed or SessionStatus.Agreed) > 0)
            ModelState.AddModelError("Propose.Place", "There is already a session planned: change or cancel it first");
        if (!ModelState.IsValid) return Page();

        await InPairingTurnAsync(async ct =>
        {
            // Checked again in this request's turn: the same proposal sent twice at once makes one session.
            var pairingId = Pairing.Id;
            if (await db.MentoringSessions.AnyAsync(s => s.PairingId == pairingId && (s.Status == SessionStatus.Proposed || s.Status == SessionStatus.Agreed), ct)) return;
            var last = await db.MentoringSessions.Where(s => s.PairingId == pairingId).MaxAsync(s => (int?)s.Number, ct) ?? 0;
            db.MentoringSessions.Add(new MentoringSession
            {
                PairingId = pairingId,
                Number = last + 1,
                StartsAtUtc = startsAt!.Value,
                TimeLimitMinutes = limit,
                Place = Propose.Place!.Trim(),
                ProposedBy = Side,
            });
            await db.SaveChangesAsync(ct);
        }, ct);
        return Back();
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid sessionId, CancellationToken ct)
    {
        var session = Sessions.SingleOrDefault(s => s.Id == sessionId);
        if (Pairing is null || session is null) return NotFound();
        var agreed = await InPairingTurnAsync(session, s => SessionRules.CanAgree(s, Side), async ct =>
        {
            session.Status = SessionStatus.Agreed;
            session.AgreedAtUtc = clock.GetUtcNow().UtcDateTime;
            session.CalendarSequence++;
            db.Audit(AuditAction.SessionScheduled, User.UserId(), Programme.OrganisationId, Programme.Id, $"session:{session.Id}");
            await db.SaveChangesAsync(ct);
        }, ct);
        if (agreed) await SendInvitationsAsync(session, cancelled: false, ct);
        return Back();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid sessionId, CancellationToken ct)
    {
        var session = Sessions.SingleOrDefault(s => s.Id == sessionId);
        if (Pairing is null || session is null) return NotFound();
        var wasAgreed = false;
        var cancelled = await InPairingTurnAsync(session, SessionRules.CanChange, async ct =>
        {
            wasAgreed = session.Status == SessionStatus.Agreed;
            session.Status = SessionStatus.Cancelled;
            session.CalendarSequence++;
            await db.SaveChangesAsync(ct);
        }, ct);
        if (cancelled && wasAgreed) await SendInvitationsAsync(session, cancelled: true, ct);
        return Back();
    }

    public async Task<IActionResult> OnPostHeldAsync(CancellationToken ct)
    {
        var session = Sessions.SingleOrDefault(s => s.Id == Held.SessionId);
        if (Pairing is null || session is null) return NotFound();
        ClearOtherForms(nameof(Held));
        // Already recorded (by the other side, or this form sent twice): nothing to do, nothing wrong.
        if (session.Status == SessionStatus.Held) return Back();
        if (!SessionRules.CanRecordHeld(session, clock.GetUtcNow().UtcDateTime))
            ModelState.AddModelError("Held.Minutes", "A session can be recorded as held once its agreed start time has passed");
        else if (SessionRules.CheckMinutes(Held.Minutes) is { } problem)
            ModelState.AddModelError("Held.Minutes", problem);
        if (Held.HowMet is not { } howMet || !Enum.IsDefined(howMet)) ModelState.AddModelError("Held.HowMet", "Select how you met");
        if (Held.TimeFelt is not { } felt || !Enum.IsDefined(felt)) ModelState.AddModelError("Held.TimeFelt", "Select whether the time felt too short, about right or too long");
        if (SessionRules.CheckOverTime(Held.Minutes, session.TimeLimitMinutes, Held.OverTimeReason) is { } overTime) ModelState.AddModelError("Held.OverTimeReason", overTime);
        if (!ModelState.IsValid) return Page();

        // A second "held" sent at once (both sides, or a double tap) finds it recorded and changes nothing.
        var now = clock.GetUtcNow().UtcDateTime;
        await InPairingTurnAsync(session, s => SessionRules.CanRecordHeld(s, now), async ct =>
        {
            session.Status = SessionStatus.Held;
            session.HowMet = Held.HowMet;
            session.MinutesTaken = Held.Minutes;
            session.TimeFelt = Held.TimeFelt;
            session.OverTimeReason = string.IsNullOrWhiteSpace(Held.OverTimeReason) ? null : Held.OverTimeReason.Trim();
            session.HeldRecordedAtUtc = now;
            db.Audit(AuditAction.SessionHeld, User.UserId(), Programme.OrganisationId, Programme.Id, $"session:{session.Id}");
            await db.SaveChangesAsync(ct);
        }, ct);
        return Back();
    }

    /// <summary>
    /// After a session each side says privately whether to carry on. The coordinator sees "would like
    /// to change" (never a reason, none is asked); the other side is not told.
    /// </summary>
    public async Task<IActionResult> OnPostFitAsync(PairFit? fit, CancellationToken ct)
    {
        if (Pairing is null) return NotFound();
        ModelState.Clear();
        if (!Sessions.Any(s => s.Status == SessionStatus.Held)) ModelState.AddModelError("fit", "You can answer this after your first session");
        else if (fit is not { } answer || !Enum.IsDefined(answer)) ModelState.AddModelError("fit", $"Select whether you would like to carry on with {Partner}");
        if (!ModelState.IsValid) return Page();
        Pairing.SetFit(Side, fit!.Value);
        db.Audit(AuditAction.PairingFitAnswered, User.UserId(), Programme.OrganisationId, Programme.Id, $"pairing:{Pairing.Id}");
        await db.SaveChangesAsync(ct);
        return Back();
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken ct)
    {
        if (Pairing is null) return NotFound();
        ClearOtherForms(nameof(Note));
        if (string.IsNullOrWhiteSpace(Note.Text) && !ModelState.ContainsKey("Note.Text")) ModelState.AddModelError("Note.Text", "Enter your note");
        if (!ModelState.IsValid) return Page();
        db.PrivateNotes.Add(new PrivateNote { PairingId = Pairing.Id, AuthorEnrolmentId = MyEnrolmentId, Text = Note.Text!.Trim(), WrittenAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return Back();
    }

    public async Task<IActionResult> OnPostActionAsync(CancellationToken ct)
    {
        if (Pairing is null) return NotFound();
        if (Side != SessionSide.Mentee) return Forbid();
        ClearOtherForms(nameof(NewAction));
        if (string.IsNullOrWhiteSpace(NewAction.Text) && !ModelState.ContainsKey("NewAction.Text")) ModelState.AddModelError("NewAction.Text", "Enter the action");
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(NewAction.DueDay) || !string.IsNullOrWhiteSpace(NewAction.DueMonth) || !string.IsNullOrWhiteSpace(NewAction.DueYear))
        {
            due = DateParts.Parse(NewAction.DueDay, NewAction.DueMonth, NewAction.DueYear);
            if (due is null) ModelState.AddModelError("NewAction.DueDay", "Enter a real due date, like 31 1 2027, or leave it empty");
        }
        if (!ModelState.IsValid) return Page();
        db.ActionPlanItems.Add(new ActionPlanItem { PairingId = Pairing.Id, MenteeEnrolmentId = MyEnrolmentId, Action = NewAction.Text!.Trim(), DueOn = due, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return Back();
    }

    public async Task<IActionResult> OnPostActionStatusAsync(Guid actionId, ActionStatus? status, CancellationToken ct)
    {
        var item = Actions.SingleOrDefault(a => a.Id == actionId);
        if (Pairing is null || item is null || Side != SessionSide.Mentee) return NotFound();
        if (status is { } s && Enum.IsDefined(s))
        {
            item.Status = s;
            await db.SaveChangesAsync(ct);
        }
        return Back();
    }

    /// <summary>
    /// Runs a change to this pair's sessions in the pair's turn: requests for the same pairing take
    /// turns, so two sends of one form at once cannot both pass a check that only one should.
    /// </summary>
    private Task InPairingTurnAsync(Func<CancellationToken, Task> change, CancellationToken ct) =>
        db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Pairing>(Pairing!.Id, ct);
            await change(ct);
            return true;
        }, ct);

    /// <summary>As above for one session: its state is read again in the turn and the rule asked again.</summary>
    /// <returns>Whether the rule still allowed the change, so it was made.</returns>
    private Task<bool> InPairingTurnAsync(MentoringSession session, Func<MentoringSession, bool> rule, Func<CancellationToken, Task> change, CancellationToken ct) =>
        db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Pairing>(Pairing!.Id, ct);
            await db.Entry(session).ReloadAsync(ct);
            if (!rule(session)) return false;
            await change(ct);
            return true;
        }, ct);

    private IActionResult Back() => Redirect($"/programmes/{ProgrammeId}/pairing/{Pairing!.Id}");

    /// <summary>Several forms share this page; only the one posted is validated.</summary>
    private void ClearOtherForms(string posted)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(posted + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    /// <summary>The person's own pairings, and the one in the route with its sessions, notes, actions and brief.</summary>
    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        Rules = await db.GroundRulesInForceAsync(ProgrammeId, ct);
        var userId = User.UserId();
        var mine = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn
            && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee)).Select(e => e.Id).ToListAsync(ct);
        var pairings = await db.Pairings.Where(p => p.ProgrammeId == ProgrammeId && p.Status == PairingStatus.Active
            && (mine.Contains(p.MentorEnrolmentId) || mine.Contains(p.MenteeEnrolmentId))).ToListAsync(ct);
        var partnerIds = pairings.Select(p => mine.Contains(p.MentorEnrolmentId) ? p.MenteeEnrolmentId : p.MentorEnrolmentId).ToList();
        var names = await db.Enrolments.Where(e => partnerIds.Contains(e.Id)).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, u.DisplayName }).ToDictionaryAsync(x => x.Id, x => x.DisplayName, ct);
        MyPairings = pairings.Select(p => (p, names.GetValueOrDefault(mine.Contains(p.MentorEnrolmentId) ? p.MenteeEnrolmentId : p.MentorEnrolmentId) ?? "")).ToList();
        if (PairingId is null) return null;

        // Someone else's pairing looks exactly like one that does not exist.
        Pairing = pairings.SingleOrDefault(p => p.Id == PairingId);
        if (Pairing is null) return NotFound();
        Side = mine.Contains(Pairing.MentorEnrolmentId) ? SessionSide.Mentor : SessionSide.Mentee;
        MyEnrolmentId = Side == SessionSide.Mentor ? Pairing.MentorEnrolmentId : Pairing.MenteeEnrolmentId;
        Partner = MyPairings.Single(p => p.Pairing.Id == Pairing.Id).Partner;
        if (Side == SessionSide.Mentor && Core.Preparation.PatientMentors.Is(await db.Enrolments.SingleAsync(e => e.Id == MyEnrolmentId, ct), Programme.Type))
        {
            Safeguarding = await preparation.SettingsAsync(ProgrammeId, ct);
        }
        Sessions = await db.MentoringSessions.Where(s => s.PairingId == Pairing.Id).OrderBy(s => s.Number).ToListAsync(ct);
        MyNotes = await db.PrivateNotes.Where(n => n.PairingId == Pairing.Id && n.AuthorEnrolmentId == MyEnrolmentId).OrderByDescending(n => n.WrittenAtUtc).ToListAsync(ct);
        Actions = await db.ActionPlanItems.Where(a => a.PairingId == Pairing.Id).OrderBy(a => a.CreatedAtUtc).ToListAsync(ct);
        if (Side == SessionSide.Mentor)
        {
            var brief = await db.FeedbackBriefs.Include(b => b.Sections)
                .SingleOrDefaultAsync(b => b.MenteeEnrolmentId == Pairing.MenteeEnrolmentId && b.AllocatedMentorEnrolmentId == MyEnrolmentId && b.ReleasedToMentorAtUtc != null, ct);
            if (brief is not null)
            {
                var domains = Programme.Domains.ToDictionary(d => d.Id);
                AnonymousBrief = await db.PhaseOneSettings.AnyAsync(s => s.ProgrammeId == Programme.Id && s.Mode == Core.PhaseOne.FeedbackMode.Anonymous, ct);
                Brief = brief.Sections.Where(s => domains.ContainsKey(s.DomainId)).OrderBy(s => domains[s.DomainId].Position)
                    .Select(s => (domains[s.DomainId].Name, s.Rating is null ? s.Text : $"{s.Text}\n{s.Rating}".Trim())).ToList();
            }
        }
        return null;
    }

    private DateTime? ParseStart()
    {
        var (utc, errors) = SessionTimes.Parse(Propose.Day, Propose.Month, Propose.Year, Propose.Time, Zone);
        foreach (var (field, error) in errors) ModelState.AddModelError($"Propose.{field}", error);
        if (utc is null) return null;
        if (utc < clock.GetUtcNow().UtcDateTime)
        {
            ModelState.AddModelError("Propose.Day", "A time you suggest must be in the future. To record a session you have already had, use \"Record a session you have had\"");
            return null;
        }
        return utc;
    }

    private Task SendInvitationsAsync(MentoringSession session, bool cancelled, CancellationToken ct) =>
        invitations.SendAsync(Programme, Pairing!, session, cancelled, ct);
}
