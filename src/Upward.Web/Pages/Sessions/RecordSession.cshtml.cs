using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// Records a session the pair arranged elsewhere (over Teams, by email, in a corridor) after it
/// happened: when, how they met, how long it took and how the time felt.
/// </summary>
public sealed class RecordSessionModel(UpwardDbContext db, TimeProvider clock) : PairPageModel(db)
{
    [BindProperty] public RecordInput Input { get; set; } = new();

    public IReadOnlyList<MentoringSession> Sessions { get; private set; } = [];

    public static readonly IReadOnlyList<RadioOption> HowMetOptions =
    [
        new(nameof(HowMet.InPerson), "In person"), new(nameof(HowMet.Video), "By video call"), new(nameof(HowMet.Phone), "By phone"),
    ];

    public sealed class RecordInput
    {
        public string? Day { get; set; }
        public string? Month { get; set; }
        public string? Year { get; set; }
        public string? Time { get; set; }
        public HowMet? HowMet { get; set; }
        public int? Minutes { get; set; }
        public TimeFelt? TimeFelt { get; set; }
        public string? OverTimeReason { get; set; }
    }

    public bool CanRecord => RulesAccepted && SessionRules.CanRecordAfterwards(Sessions, Programme.SessionsPerPair);

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Every field is checked here by hand, so a form posted with a field missing altogether gets its error too.
        ModelState.Clear();
        if (!CanRecord) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var (startUtc, errors) = SessionTimes.Parse(Input.Day, Input.Month, Input.Year, Input.Time, Zone);
        foreach (var (field, error) in errors) ModelState.AddModelError($"Input.{field}", error);
        if (startUtc is not null && SessionRules.CheckRecordedStart(startUtc.Value, now) is { } future) ModelState.AddModelError("Input.Day", future);
        if (Input.HowMet is not { } howMet || !Enum.IsDefined(howMet)) ModelState.AddModelError("Input.HowMet", "Select how you met");
        if (SessionRules.CheckMinutes(Input.Minutes) is { } minutes) ModelState.AddModelError("Input.Minutes", minutes);
        if (Input.TimeFelt is not { } felt || !Enum.IsDefined(felt)) ModelState.AddModelError("Input.TimeFelt", "Select whether the time felt too short, about right or too long");
        if (SessionRules.CheckOverTime(Input.Minutes, Programme.SessionTimeLimitMinutes, Input.OverTimeReason) is { } overTime) ModelState.AddModelError("Input.OverTimeReason", overTime);
        if (!ModelState.IsValid) return Page();

        var recorded = await Db.WriteAtomicallyAsync(async ct =>
        {
            // In the pair's turn: two recordings at once cannot pass the programme's number of sessions.
            await Db.LockAsync<Pairing>(Pair.Pairing.Id, ct);
            var sessions = await Db.MentoringSessions.Where(s => s.PairingId == Pair.Pairing.Id).ToListAsync(ct);
            if (!SessionRules.CanRecordAfterwards(sessions, Programme.SessionsPerPair)) return false;
            var session = new MentoringSession
            {
                PairingId = Pair.Pairing.Id,
                Number = sessions.Select(s => s.Number).DefaultIfEmpty(0).Max() + 1,
                StartsAtUtc = startUtc!.Value,
                TimeLimitMinutes = Programme.SessionTimeLimitMinutes,
                Status = SessionStatus.Held,
                ProposedBy = Pair.Side,
                RecordedAfterwards = true,
                HowMet = Input.HowMet,
                MinutesTaken = Input.Minutes,
                TimeFelt = Input.TimeFelt,
                OverTimeReason = string.IsNullOrWhiteSpace(Input.OverTimeReason) ? null : Input.OverTimeReason.Trim(),
                HeldRecordedAtUtc = now,
            };
            Db.MentoringSessions.Add(session);
            Db.Audit(AuditAction.SessionHeld, User.UserId(), Programme.OrganisationId, Programme.Id, $"session:{session.Id}");
            await Db.SaveChangesAsync(ct);
            return true;
        }, ct);
        return Redirect(PairPath("sessions") + (recorded ? "?recorded=true" : ""));
    }

    protected override async Task<IActionResult?> OnPairLoadedAsync(CancellationToken ct)
    {
        Sessions = await Db.SessionsOfAsync(Pair.Pairing.Id, ct);
        return null;
    }
}
