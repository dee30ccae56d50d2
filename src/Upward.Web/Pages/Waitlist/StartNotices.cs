using Microsoft.EntityFrameworkCore;
using Upward.Core.Designs;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Pages.Notifications;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Waitlist;

/// <summary>
/// Tells each mentee of a waitlist control or stepped wedge about their own start: when the arms or
/// schedule are released, and when their later arm or step starts. Called inside the transaction that
/// releases or starts, so the notifications are added with it or not at all; each has a key naming the
/// programme, the moment and the person, so a second release or start (or two at once) adds nothing.
/// </summary>
public static class StartNotices
{
    /// <summary>The arms or schedule have just been released: each mentee with an arm or step hears theirs.</summary>
    public static async Task<int> ReleasedAsync(UpwardDbContext db, NotificationQueue queue, PageLinks pages, Programme programme, CancellationToken ct)
    {
        var allocation = await db.WaitlistAllocations.AsNoTracking().SingleAsync(a => a.ProgrammeId == programme.Id, ct);
        var steps = await db.DesignSteps.AsNoTracking().Where(s => s.ProgrammeId == programme.Id).ToDictionaryAsync(s => s.Number, ct);
        var mentees = await MenteesAsync(db, programme.Id, null, ct);
        var notifications = mentees.Select(m =>
        {
            var what = allocation.IsSteppedWedge && steps.TryGetValue(m.Step, out var step)
                ? StartMessages.SteppedWedgeReleased(programme.Name, m.Step, Dates.Long(step.StartsOn), step.StartedAtUtc is not null)
                : StartMessages.WaitlistReleased(programme.Name, Steps.ArmOf(m.Step));
            return Make(queue, pages, programme, m.To, "released", what);
        }).ToList();
        return await queue.AddAsync(notifications, ct);
    }

    /// <summary>A later arm or step (<paramref name="step"/> 2 or more) has just started: its mentees hear that their waiting is over.</summary>
    public static async Task<int> StartedAsync(UpwardDbContext db, NotificationQueue queue, PageLinks pages, Programme programme, int step, CancellationToken ct)
    {
        if (step <= 1) return 0;
        var mentees = await MenteesAsync(db, programme.Id, step, ct);
        return await queue.AddAsync([.. mentees.Select(m => Make(queue, pages, programme, m.To, $"step-{step}-started", StartMessages.Started(programme.Name)))], ct);
    }

    /// <summary>How the messages of one moment ("released", "step-2-started") stand: how many mentees were told, and how their emails went.</summary>
    public sealed record Tally(int Told, int Emailed, int Waiting, int TurnedOff, int Failed)
    {
        /// <summary>For the coordinator's page, for example "6 mentees told in Upward: 5 emailed, 1 turned these emails off".</summary>
        public override string ToString()
        {
            var parts = new List<string> { $"{Emailed} emailed" };
            if (Waiting > 0) parts.Add($"{Waiting} {(Waiting == 1 ? "email" : "emails")} waiting to be sent");
            if (TurnedOff > 0) parts.Add($"{TurnedOff} turned these emails off");
            if (Failed > 0) parts.Add($"{Failed} could not be emailed (the mail server refused)");
            return $"{Told} {(Told == 1 ? "mentee" : "mentees")} told in Upward: {string.Join(", ", parts)}";
        }
    }

    /// <summary>The messages sent at one moment of the programme's design, by where their emails stand.</summary>
    public static async Task<Tally> TallyAsync(UpwardDbContext db, Guid programmeId, string moment, CancellationToken ct)
    {
        var prefix = $"{NotificationKind.StartTold}:{programmeId:N}:{moment}:";
        var statuses = await db.Notifications.Where(n => n.ProgrammeId == programmeId && n.Kind == NotificationKind.StartTold && n.Key.StartsWith(prefix))
            .GroupBy(n => n.EmailStatus).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Of(EmailStatus status) => statuses.GetValueOrDefault(status);
        return new Tally(statuses.Values.Sum(), Of(EmailStatus.Sent), Of(EmailStatus.Pending), Of(EmailStatus.TurnedOff), Of(EmailStatus.Failed));
    }

    private static Notification Make(NotificationQueue queue, PageLinks pages, Programme programme, Recipient to, string moment, string what) =>
        queue.Make(programme, to, NotificationKind.StartTold, $"{NotificationKind.StartTold}:{programme.Id:N}:{moment}:{to.UserId:N}", programme.Id,
            pages.Programme(programme.Id, "/Programmes/Overview"), new NotificationTexts.Facts(to.Name, programme.Name, what));

    private sealed record Mentee(Recipient To, int Step);

    /// <summary>The programme's mentees still taking part who have an arm or step (of one step, if given).</summary>
    private static async Task<List<Mentee>> MenteesAsync(UpwardDbContext db, Guid programmeId, int? step, CancellationToken ct)
    {
        var rows = await (from a in db.ArmAssignments
                          join e in db.Enrolments on a.EnrolmentId equals e.Id
                          join u in db.Users on e.UserId equals u.Id
                          where a.ProgrammeId == programmeId && e.Role == ProgrammeRole.Mentee && e.Status == EnrolmentStatus.Consented
                              && (step == null || a.Step == step)
                          select new { u.Id, u.DisplayName, a.Step }).ToListAsync(ct);
        return [.. rows.Select(r => new Mentee(new Recipient(r.Id, r.DisplayName), r.Step))];
    }
}
