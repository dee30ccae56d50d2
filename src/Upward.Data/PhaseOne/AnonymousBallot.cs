using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Colleagues;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;

namespace Upward.Data.PhaseOne;

/// <summary>
/// Stores a mentor's anonymous feedback on one mentee like a ballot: the fact that they voted in
/// one table, what they wrote sealed in another, and opens sealed ballots only k or more at a time
/// into the brief's pool. See docs/decisions/anonymous-contributions.md for the threat model.
/// </summary>
public static class AnonymousBallot
{
    /// <summary>
    /// Records that the mentor contributed and keeps their comments sealed (fixed length, encrypted),
    /// in one transaction. False if they have already contributed about this mentee.
    /// </summary>
    public static async Task<bool> CastAsync(this UpwardDbContext db, IBallotSeal seal, Guid programmeId, Guid mentorEnrolmentId, Guid menteeEnrolmentId,
        IReadOnlyList<AnonymousContribution> contributions, int domainCount, CancellationToken ct)
    {
        var sealedBallot = seal.Seal(SealedBallot.Write(contributions, domainCount));
        return await db.WriteAtomicallyAsync(async ct =>
        {
            // Two sends at once by the same mentor: the second waits here, then sees the first.
            await db.LockAsync<Enrolment>(menteeEnrolmentId, ct);
            if (await db.AnonymousContributors.AnyAsync(c => c.MenteeEnrolmentId == menteeEnrolmentId && c.MentorEnrolmentId == mentorEnrolmentId, ct))
            {
                return false;
            }
            db.AnonymousContributors.Add(new AnonymousContributor { ProgrammeId = programmeId, MentorEnrolmentId = mentorEnrolmentId, MenteeEnrolmentId = menteeEnrolmentId });
            db.PendingContributions.Add(new PendingContribution { ProgrammeId = programmeId, MenteeEnrolmentId = menteeEnrolmentId, Sealed = sealedBallot });
            // Deliberately no audit entry: its actor and exact time would pair the mentor with these rows.
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    /// <summary>
    /// A colleague's 360° ballot through the same box: in one transaction the invitation is marked
    /// answered (its "has contributed" record: a flag, no time) and the comments are kept sealed, fixed
    /// length, with nothing pointing back at the invitation. False if the link was used or has expired
    /// meanwhile (checked again inside the transaction, so two sends at once count once).
    /// </summary>
    public static async Task<bool> CastForColleagueAsync(this UpwardDbContext db, IBallotSeal seal, Guid invitationId, DateTime nowUtc,
        IReadOnlyList<AnonymousContribution> contributions, int domainCount, CancellationToken ct)
    {
        var sealedBallot = seal.Seal(SealedBallot.Write(contributions, domainCount));
        var mentee = await db.ColleagueInvitations.Where(i => i.Id == invitationId).Select(i => i.MenteeEnrolmentId).SingleAsync(ct);
        return await db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Enrolment>(mentee, ct);
            // Spending the link is one conditional UPDATE: of two sends at once, exactly one changes the row.
            var spent = await db.ColleagueInvitations
                .Where(i => i.Id == invitationId && i.Status == ColleagueInvitationStatus.Sent && !i.Answered && i.ExpiresAtUtc > nowUtc)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.Answered, true), ct);
            if (spent != 1)
            {
                return false;
            }
            var invitation = await db.ColleagueInvitations.AsNoTracking().Where(i => i.Id == invitationId).Select(i => new { i.ProgrammeId, i.MenteeEnrolmentId }).SingleAsync(ct);
            db.PendingContributions.Add(new PendingContribution
            {
                ProgrammeId = invitation.ProgrammeId, MenteeEnrolmentId = invitation.MenteeEnrolmentId, Source = ContributionSource.Colleague, Sealed = sealedBallot,
            });
            // No audit entry, as for mentors: an entry's time would pair the invitation with this ballot.
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    /// <summary>
    /// If at least the programme's k ballots about the mentee are pending, opens them all, adds their
    /// comments to the pool under new random ids in a shuffled order, and deletes the sealed ballots,
    /// in one transaction; then on SQLite empties the WAL. Returns how many ballots were opened (0 if
    /// fewer than k wait).
    /// </summary>
    public static async Task<int> ReleaseAsync(this UpwardDbContext db, IBallotSeal seal, Guid menteeEnrolmentId, CancellationToken ct)
    {
        var opened = await db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Enrolment>(menteeEnrolmentId, ct);
            var waiting = await db.PendingContributions.Where(p => p.MenteeEnrolmentId == menteeEnrolmentId).ToListAsync(ct);
            if (waiting.Count == 0)
            {
                return 0;
            }
            var programmeId = waiting[0].ProgrammeId;
            var threshold = await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.AnonymityThreshold).SingleAsync(ct);
            // Mentors' and colleagues' ballots are counted and opened apart: a released comment says
            // which group it came from, so each group's batch must reach k on its own.
            var pending = waiting.GroupBy(p => p.Source).Where(g => g.Count() >= threshold).SelectMany(g => g).ToList();
            if (pending.Count == 0)
            {
                return 0;
            }
            var pool = pending.SelectMany(p => SealedBallot.Read(seal.Open(p.Sealed), p.ProgrammeId, p.MenteeEnrolmentId, p.Source)).ToArray();
            RandomNumberGenerator.Shuffle(pool.AsSpan());
            db.PendingContributions.RemoveRange(pending);
            db.AnonymousContributions.AddRange(pool);
            await db.SaveChangesAsync(ct);
            return pending.Count;
        }, ct);
        if (opened > 0 && db.Database.IsSqlite())
        {
            // The deleted ciphertext was zeroed (secure_delete); now take the old frames out of the -wal file too.
            // If a reader holds the WAL the checkpoint is partial and the next one finishes it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
        return opened;
    }

    /// <summary>Releases every mentee whose pending ballots reach k: after a crash, or after k was met some other way.</summary>
    public static async Task<int> ReleaseAllDueAsync(this UpwardDbContext db, IBallotSeal seal, CancellationToken ct)
    {
        var mentees = await db.PendingContributions.Select(p => p.MenteeEnrolmentId).Distinct().ToListAsync(ct);
        var opened = 0;
        foreach (var mentee in mentees)
        {
            opened += await db.ReleaseAsync(seal, mentee, ct);
        }
        return opened;
    }

    /// <summary>How many ballots about the mentee are sealed and waiting for enough others.</summary>
    public static Task<int> PendingCountAsync(this UpwardDbContext db, Guid menteeEnrolmentId, CancellationToken ct, ContributionSource source = ContributionSource.Mentor) =>
        db.PendingContributions.CountAsync(p => p.MenteeEnrolmentId == menteeEnrolmentId && p.Source == source, ct);
}
