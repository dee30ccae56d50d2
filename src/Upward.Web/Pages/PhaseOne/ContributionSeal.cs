using Microsoft.AspNetCore.DataProtection;
using Upward.Data;
using Upward.Data.PhaseOne;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>
/// Seals pending anonymous ballots with ASP.NET Core Data Protection, using the sealing key ring
/// (<see cref="Startup.SealingKeys"/>), not the general one: the general ring is stored in the database
/// so that instances share cookies, while the sealing ring stays in a folder outside it
/// (Upward:SealingKeys:Directory, by default ~/.local/share/upward/sealing-keys of the account running
/// Upward). That is what makes a copy of the database unable to read a ballot: keep the two apart in backups.
/// </summary>
public sealed class ContributionSeal(Startup.SealingKeys keys) : IBallotSeal
{
    /// <summary>A purpose of its own, so no other protected payload of the app can be opened as a ballot.</summary>
    public const string Purpose = "Upward.AnonymousContributions.Pending.v1";

    private readonly IDataProtector _protector = keys.Provider.CreateProtector(Purpose);

    public byte[] Seal(byte[] ballot) => _protector.Protect(ballot);

    public byte[] Open(byte[] sealedBallot) => _protector.Unprotect(sealedBallot);
}

/// <summary>
/// At start-up, after the migrations, opens every mentee's sealed ballots that already reach k: the
/// process may have stopped between a submission and its release.
/// </summary>
internal sealed class PendingBallotRelease(IServiceScopeFactory scopes, ILogger<PendingBallotRelease> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UpwardDbContext>();
        var seal = scope.ServiceProvider.GetRequiredService<IBallotSeal>();
        try
        {
            await db.ReleaseAllDueAsync(seal, cancellationToken);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // The ballots stay sealed and are tried again at the next submission or start.
            log.LogWarning(e, "Sealed anonymous ballots could not be opened: is Upward:SealingKeys:Directory the key ring they were sealed with?");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The release after a submission: a failure to open leaves the ballots sealed, never loses the submission.</summary>
internal static class PhaseOneBallots
{
    public static async Task ReleaseIfDueAsync(UpwardDbContext db, IBallotSeal seal, Guid menteeEnrolmentId, ILogger log, CancellationToken ct)
    {
        try
        {
            await db.ReleaseAsync(seal, menteeEnrolmentId, ct);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            log.LogWarning(e, "Sealed anonymous ballots could not be opened: is Upward:SealingKeys:Directory the key ring they were sealed with?");
        }
    }
}
