using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data.PhaseOne;
using Upward.Web.Pages.PhaseOne;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Operations;

/// <summary>
/// Two key rings: the general one in the database, so every instance reads the same keys; the one that
/// seals pending ballots outside it, so a copy of the database still cannot read a ballot.
/// </summary>
public sealed class KeyRingTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_general_keys_are_in_the_database_and_the_ballot_keys_are_not()
    {
        var sealedBallot = await CastOneBallotAsync();
        // Signing in protects a cookie with the general ring.
        await factory.AsAsync("mentor1");

        var generalKeys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(generalKeys);
        var sealingKeyFiles = Directory.GetFiles(factory.SealingKeysFolder, "key-*.xml");
        Assert.NotEmpty(sealingKeyFiles);
        foreach (var file in sealingKeyFiles)
        {
            var keyId = Path.GetFileNameWithoutExtension(file)["key-".Length..];
            Assert.DoesNotContain(generalKeys, xml => xml.Contains(keyId, StringComparison.OrdinalIgnoreCase));
        }

        // The instance that sealed it can open it.
        Assert.Equal(SealedBallot.LengthFor(1), factory.Services.GetRequiredService<IBallotSeal>().Open(sealedBallot).Length);

        // Someone with a copy of the database (and Upward, but not the sealing keys folder) cannot,
        // whether through the app's own seal or straight with the keys the database holds.
        var elsewhereFolder = UpwardFactory.NewSealingKeysFolder();
        try
        {
            using var elsewhere = factory.AnotherInstance(elsewhereFolder);
            var copy = await elsewhere.WithDbAsync(db => db.PendingContributions.Select(p => p.Sealed).SingleAsync());
            Assert.Equal(sealedBallot, copy);
            Assert.ThrowsAny<CryptographicException>(() => elsewhere.Services.GetRequiredService<IBallotSeal>().Open(copy));
            var databaseKeys = elsewhere.Services.GetRequiredService<IDataProtectionProvider>();
            Assert.ThrowsAny<CryptographicException>(() => databaseKeys.CreateProtector(ContributionSeal.Purpose).Unprotect(copy));

            // Yet the general ring is the same there: it reads what the first instance protected.
            var protectedHere = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("shared");
            Assert.Equal("shared", databaseKeys.CreateProtector("test").Unprotect(protectedHere));
        }
        finally
        {
            if (Directory.Exists(elsewhereFolder)) Directory.Delete(elsewhereFolder, recursive: true);
        }
    }

    private async Task<byte[]> CastOneBallotAsync()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentee = await factory.EnrolmentIdAsync("mentee1");
        var seal = factory.Services.GetRequiredService<IBallotSeal>();
        return await factory.WithDbAsync(async db =>
        {
            var settings = await db.PhaseOneSettings.SingleOrDefaultAsync(s => s.ProgrammeId == id);
            if (settings is null) db.PhaseOneSettings.Add(settings = PhaseOneSettings.DefaultFor(id));
            settings.Mode = FeedbackMode.Anonymous;
            await db.SaveChangesAsync();
            var domain = await db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).Select(d => d.Id).FirstAsync();
            var mentor = await db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor).OrderBy(e => e.ParticipantCode).Select(e => e.Id).FirstAsync();
            Assert.True(await db.CastAsync(seal, id, mentor, mentee,
                [new AnonymousContribution { ProgrammeId = id, MenteeEnrolmentId = mentee, DomainId = domain, Text = "Kept sealed", Rating = 4 }], 1, CancellationToken.None));
            return await db.PendingContributions.Select(p => p.Sealed).SingleAsync();
        });
    }
}
