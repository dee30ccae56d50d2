using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// A pair's sessions: suggesting a time, agreeing or cancelling it (with calendar invitations),
/// recording that it was held, and afterwards each side's private answer on whether to carry on.
/// </summary>
public sealed class PairSessionsModel(UpwardDbContext db, SessionInvitations invitations, TimeProvider clock) : PairPageModel(db)
{
    [BindProperty] public ProposeInput Propose { get; set; } = new();
    [BindProperty] public HeldInput Held { get; set; } = new();

    public IReadOnlyList<MentoringSession> Sessions { get; private set; } = [];

    /// <summary>The programme's cadence is complete for this pair.</summary>
    public bool AllSessionsHeld => Sessions.Count(s => s.Status == SessionStatus.Held) >= Programme.SessionsPerPair;

    /// <summary>Now, for deciding which forms can be used (a session is recorded as held only once it has started).</summary>
    public DateTime NowUtc { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>Just recorded a session held elsewhere (shown once, after the redirect).</summary>
    [FromQuery] public bool Recorded { get; set; }

    public static readonly IReadOnlyList<RadioOption> TimeFeltOptions =
    [
        new(nameof(TimeFelt.TooShort), "Too short"), new(nameof(TimeFelt.AboutRight), "About right"), new(nameof(TimeFelt.TooLong), "Too long"),
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

    public IActionResult OnGet()
    {
        Propose.TimeLimitMinutes = Programme.SessionTimeLimitMinutes;
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        OnlyTheFormPosted(nameof(Propose));
        // Checked by hand as well: a form posted without the field at all is never bound, so never validated.
        if (string.IsNullOrWhiteSpace(Propose.Place) && !ModelState.ContainsKey("Propose.Place")) ModelState.AddModelError("Propose.Place", "Enter where you will meet, or a video link");
        if (!RulesAccepted) ModelState.AddModelError("Propose.Place", "You both need to accept the ground rules before agreeing a time");
        var startsAt = ParseStart();
        var limit = Propose.TimeLimitMinutes ?? Programme.SessionTimeLimitMinutes;
        if (SessionRules.CheckTimeLimit(limit) is { } limitProblem) ModelState.AddModelError("Propose.TimeLimitMinutes", limitProblem);
        if (SessionRules.CheckNewProposal(Sessions, Programme.SessionsPerPair) is { } planProblem) ModelState.AddModelError("Propose.Place", planProblem);
        if (!ModelState.IsValid) return Page();

        await InPairingTurnAsync(async ct =>
        {
            // Checked again in this request's turn: the same proposal sent twice at once makes one session.
            var pairingId = Pair.Pairing.Id;
            var sessions = await Db.MentoringSessions.Where(s => s.PairingId == pairingId).ToListAsync(ct);
            if (SessionRules.HasPlanned(sessions)) return;
            Db.MentoringSessions.Add(new MentoringSession
            {
                PairingId = pairingId,
                Number = sessions.Select(s => s.Number).DefaultIfEmpty(0).Max() + 1,
                StartsAtUtc = startsAt!.Value,
                TimeLimitMinutes = limit,
                Place = Propose.Place!.Trim(),
                ProposedBy = Pair.Side,
            });
            await Db.SaveChangesAsync(ct);
        }, ct);
        return Back();
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid sessionId, CancellationToken ct)
    {
        if (Sessions.SingleOrDefault(s => s.Id == sessionId) is not { } session) return NotFound();
        var agreed = await InPairingTurnAsync(session, s => SessionRules.CanAgree(s, Pair.Side), async ct =>
        {
            session.Status = SessionStatus.Agreed;
            session.AgreedAtUtc = clock.GetUtcNow().UtcDateTime;
            session.CalendarSequence++;
            Db.Audit(AuditAction.SessionScheduled, User.UserId(), Programme.OrganisationId, Programme.Id, $"session:{session.Id}");
            await Db.SaveChangesAsync(ct);
        }, ct);
        if (agreed) await invitations.SendAsync(Programme, Pair.Pairing, session, cancelled: false, ct);
        return Back();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid sessionId, CancellationToken ct)
    {
        if (Sessions.SingleOrDefault(s => s.Id == sessionId) is not { } session) return NotFound();
        var wasAgreed = false;
        var cancelled = await InPairingTurnAsync(session, SessionRules.CanChange, async ct =>
        {
            wasAgreed = session.Status == SessionStatus.Agreed;
            session.Status = SessionStatus.Cancelled;
            session.CalendarSequence++;
            await Db.SaveChangesAsync(ct);
        }, ct);
        if (cancelled && wasAgreed) await invitations.SendAsync(Programme, Pair.Pairing, session, cancelled: true, ct);
        return Back();
    }

    public async Task<IActionResult> OnPostHeldAsync(CancellationToken ct)
    {
        if (Sessions.SingleOrDefault(s => s.Id == Held.SessionId) is not { } session) return NotFound();
        OnlyTheFormPosted(nameof(Held));
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
            Db.Audit(AuditAction.SessionHeld, User.UserId(), Programme.OrganisationId, Programme.Id, $"session:{session.Id}");
            await Db.SaveChangesAsync(ct);
        }, ct);
        return Back();
    }

    /// <summary>
    /// After a session each side says privately whether to carry on. The coordinator sees "would like
    /// to change" (never a reason, none is asked); the other side is not told.
    /// </summary>
    public async Task<IActionResult> OnPostFitAsync(PairFit? fit, CancellationToken ct)
    {
        ModelState.Clear();
        if (!Sessions.Any(s => s.Status == SessionStatus.Held)) ModelState.AddModelError("fit", "You can answer this after your first session");
        else if (fit is not { } answer || !Enum.IsDefined(answer)) ModelState.AddModelError("fit", $"Select whether you would like to carry on with {Pair.Partner}");
        if (!ModelState.IsValid) return Page();
        Pair.Pairing.SetFit(Pair.Side, fit!.Value);
        Db.Audit(AuditAction.PairingFitAnswered, User.UserId(), Programme.OrganisationId, Programme.Id, $"pairing:{Pair.Pairing.Id}");
        await Db.SaveChangesAsync(ct);
        return Back();
    }

    protected override async Task<IActionResult?> OnPairLoadedAsync(CancellationToken ct)
    {
        Sessions = await Db.SessionsOfAsync(Pair.Pairing.Id, ct);
        return null;
    }

    /// <summary>
    /// Runs a change to this pair's sessions in the pair's turn: requests for the same pairing take
    /// turns, so two sends of one form at once cannot both pass a check that only one should.
    /// </summary>
    private Task InPairingTurnAsync(Func<CancellationToken, Task> change, CancellationToken ct) =>
        Db.WriteAtomicallyAsync(async ct =>
        {
            await Db.LockAsync<Pairing>(Pair.Pairing.Id, ct);
            await change(ct);
            return true;
        }, ct);

    /// <summary>As above for one session: its state is read again in the turn and the rule asked again.</summary>
    /// <returns>Whether the rule still allowed the change, so it was made.</returns>
    private Task<bool> InPairingTurnAsync(MentoringSession session, Func<MentoringSession, bool> rule, Func<CancellationToken, Task> change, CancellationToken ct) =>
        Db.WriteAtomicallyAsync(async ct =>
        {
            await Db.LockAsync<Pairing>(Pair.Pairing.Id, ct);
            await Db.Entry(session).ReloadAsync(ct);
            if (!rule(session)) return false;
            await change(ct);
            return true;
        }, ct);

    private RedirectResult Back() => Redirect(PairPath("sessions"));

    /// <summary>Two forms share this page; only the one posted is validated.</summary>
    private void OnlyTheFormPosted(string posted)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(posted + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
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
}
