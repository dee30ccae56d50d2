using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Core.Timeline;
using Upward.Data;

using Upward.Web.Programmes;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// Keeps pairs moving: the day before an agreed session; a pair with no session agreed some days after
/// pairing (then their coordinators, after twice as long); and, once a pair has held its sessions, the
/// questionnaire that comes after them.
/// </summary>
public sealed class PairNotices(UpwardDbContext db, NotificationQueue queue, TimeProvider clock, IOptions<NotificationOptions> options, PageLinks pages)
{
    private sealed record Side(Guid PairingId, Guid ProgrammeId, Guid UserId, string Name, string PartnerName, ProgrammeRole Role, DateTime PairedAtUtc);

    public async Task<int> FindDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sides = await ActiveSidesAsync(ct);
        // Looked up by pairing, not searched: a scheme of thousands of pairs made these loops quadratic.
        var sidesOf = sides.ToLookup(s => s.PairingId);
        var programmes = await db.Programmes.Where(p => sides.Select(s => s.ProgrammeId).Distinct().Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var fresh = new List<Notification>();

        // The day before: from the opening hour of the day before (local), for sessions agreed by then.
        var sessions = await db.MentoringSessions
            .Where(s => s.Status == SessionStatus.Agreed && s.StartsAtUtc > now && s.StartsAtUtc < now.AddDays(2))
            .Select(s => new { s.Id, s.PairingId, s.StartsAtUtc, s.Place }).ToListAsync(ct);
        foreach (var session in sessions)
        {
            foreach (var side in sidesOf[session.PairingId])
            {
                var programme = programmes[side.ProgrammeId];
                var zone = LocalTimes.Zone(programme.TimeZone);
                var day = LocalTimes.LocalDate(session.StartsAtUtc, zone);
                if (now < LocalTimes.ToUtc(day.AddDays(-1), LocalTimes.OpeningHour, zone)) continue;
                var when = $"{TimeZoneInfo.ConvertTimeFromUtc(session.StartsAtUtc, zone):HH:mm}, at {session.Place}";
                fresh.Add(queue.Make(programme, new Recipient(side.UserId, side.Name), NotificationKind.SessionTomorrow,
                    $"{NotificationKind.SessionTomorrow}:{session.Id:N}:{side.UserId:N}:{session.StartsAtUtc:yyyyMMddHHmm}", session.Id,
                    pages.Programme(programme.Id, "/Sessions/Pairing"), new NotificationTexts.Facts(side.Name, programme.Name, $"with {side.PartnerName}", when)));
            }
        }

        // No session agreed: any session not cancelled counts, proposed ones too (the pair has started).
        var days = options.Value.NoSessionAfterDays;
        var started = (await db.MentoringSessions.Where(s => s.Status != SessionStatus.Cancelled).Select(s => s.PairingId).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var side in sides.Where(s => !started.Contains(s.PairingId) && s.PairedAtUtc <= now.AddDays(-days)))
        {
            var programme = programmes[side.ProgrammeId];
            var paired = Dates.Long(LocalTimes.LocalDate(side.PairedAtUtc, LocalTimes.Zone(programme.TimeZone)));
            fresh.Add(queue.Make(programme, new Recipient(side.UserId, side.Name), NotificationKind.NoSessionAgreed,
                $"{NotificationKind.NoSessionAgreed}:{side.PairingId:N}:{side.UserId:N}", side.PairingId,
                pages.Programme(programme.Id, "/Sessions/Pairing"), new NotificationTexts.Facts(side.Name, programme.Name, side.PartnerName, $"on {paired}")));
        }
        foreach (var pairing in sides.Where(s => !started.Contains(s.PairingId) && s.PairedAtUtc <= now.AddDays(-2 * days)).DistinctBy(s => s.PairingId))
        {
            var programme = programmes[pairing.ProgrammeId];
            var paired = Dates.Long(LocalTimes.LocalDate(pairing.PairedAtUtc, LocalTimes.Zone(programme.TimeZone)));
            foreach (var coordinator in await Recipients.CoordinatorsAsync(db, programme.Id, ct))
            {
                fresh.Add(queue.Make(programme, coordinator, NotificationKind.PairWithoutSession,
                    $"{NotificationKind.PairWithoutSession}:{pairing.PairingId:N}:{coordinator.UserId:N}", pairing.PairingId,
                    pages.Programme(programme.Id, "/Allocation/Index"), new NotificationTexts.Facts(coordinator.Name, programme.Name, null, $"on {paired}")));
            }
        }

        fresh.AddRange(await AfterSessionsAsync(sides, programmes, ct));
        return await queue.AddAsync(await Recipients.NotYetAddedAsync(db, fresh, ct), ct);
    }

    /// <summary>Both sides of a pair that has held the programme's number of sessions, while the after-phase questionnaire is open and unanswered.</summary>
    private async Task<List<Notification>> AfterSessionsAsync(List<Side> sides, Dictionary<Guid, Programme> programmes, CancellationToken ct)
    {
        var held = await db.MentoringSessions.Where(s => s.Status == SessionStatus.Held).GroupBy(s => s.PairingId)
            .Select(g => new { PairingId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.PairingId, g => g.Count, ct);
        var waves = await db.Waves.Where(w => w.IsOpen && StageApplicability.AboutTheOneToOne.Contains(w.Stage)).Join(db.Instruments, w => w.InstrumentId, i => i.Id, (w, i) => new { Wave = w, i.Title }).ToListAsync(ct);
        // Who has answered each of those waves, in one query rather than one per person and wave.
        var waveIds = waves.Select(w => w.Wave.Id).ToList();
        var answered = (await db.Responses.Where(r => waveIds.Contains(r.WaveId) && r.Status == ResponseStatus.Submitted)
            .Join(db.Enrolments, r => r.EnrolmentId, e => e.Id, (r, e) => new { r.WaveId, e.UserId }).ToListAsync(ct))
            .Select(a => (a.WaveId, a.UserId)).ToHashSet();
        var list = new List<Notification>();
        foreach (var side in sides.Where(s => held.GetValueOrDefault(s.PairingId) >= programmes[s.ProgrammeId].SessionsPerPair))
        {
            foreach (var w in waves.Where(w => w.Wave.ProgrammeId == side.ProgrammeId && w.Wave.Audience == side.Role))
            {
                if (answered.Contains((w.Wave.Id, side.UserId))) continue;
                var programme = programmes[side.ProgrammeId];
                list.Add(queue.Make(programme, new Recipient(side.UserId, side.Name), NotificationKind.AfterSessionQuestionnaire,
                    $"{NotificationKind.AfterSessionQuestionnaire}:{w.Wave.Id:N}:{side.UserId:N}", w.Wave.Id,
                    pages.Programme(programme.Id, "/Questionnaires/Start", new { waveId = w.Wave.Id }), new NotificationTexts.Facts(side.Name, programme.Name, w.Title)));
            }
        }
        return list;
    }

    private async Task<List<Side>> ActiveSidesAsync(CancellationToken ct)
    {
        var pairs = await db.Pairings.Where(p => p.Status == PairingStatus.Active)
            .Join(db.Enrolments, p => p.MentorEnrolmentId, e => e.Id, (p, mentor) => new { p, mentor })
            .Join(db.Enrolments, x => x.p.MenteeEnrolmentId, e => e.Id, (x, mentee) => new { x.p, x.mentor, mentee })
            .Join(db.Users, x => x.mentor.UserId, u => u.Id, (x, mu) => new { x.p, x.mentor, x.mentee, MentorName = mu.DisplayName })
            .Join(db.Users, x => x.mentee.UserId, u => u.Id, (x, eu) => new
            {
                PairingId = x.p.Id, x.p.ProgrammeId, x.p.CreatedAtUtc, MentorUser = x.mentor.UserId, x.MentorName,
                MenteeUser = x.mentee.UserId, MenteeName = eu.DisplayName,
                MentorIn = x.mentor.Status == EnrolmentStatus.Consented, MenteeIn = x.mentee.Status == EnrolmentStatus.Consented,
            })
            .ToListAsync(ct);
        var sides = new List<Side>();
        foreach (var p in pairs)
        {
            if (p.MentorIn) sides.Add(new Side(p.PairingId, p.ProgrammeId, p.MentorUser, p.MentorName, p.MenteeName, ProgrammeRole.Mentor, p.CreatedAtUtc));
            if (p.MenteeIn) sides.Add(new Side(p.PairingId, p.ProgrammeId, p.MenteeUser, p.MenteeName, p.MentorName, ProgrammeRole.Mentee, p.CreatedAtUtc));
        }
        return sides;
    }
}
