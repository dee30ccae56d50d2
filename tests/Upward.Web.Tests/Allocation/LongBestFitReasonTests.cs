using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Allocation;

/// <summary>
/// With the longest names the coordinator may give (12 domains and a specialty of
/// 120 characters each) a best-fit reason outgrew Pairing.Reason's 500 characters, and on PostgreSQL
/// confirming the allocation was a 500. Run with UPWARD_TEST_DATABASE=postgres to see the column length bite.
/// </summary>
public sealed class LongBestFitReasonTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Confirming_best_fit_with_the_longest_topic_and_specialty_names_stores_every_pair()
    {
        var id = await factory.ProgrammeIdAsync();
        var specialty = "S" + new string('s', 119);
        await factory.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.Include(p => p.Domains).SingleAsync(p => p.Id == id);
            var domains = programme.Domains.OrderBy(d => d.Position).ToList();
            for (var i = domains.Count; i < 12; i++)
            {
                var added = new Upward.Core.Programmes.ProgrammeDomain { ProgrammeId = id, Position = i + 1, Name = "" };
                db.ProgrammeDomains.Add(added);
                domains.Add(added);
            }
            for (var i = 0; i < domains.Count; i++) domains[i].Name = $"{i + 1:00} " + new string('t', 117);
            programme.Specialties = [specialty];
            foreach (var e in await db.Enrolments.Where(e => e.ProgrammeId == id).ToListAsync())
            {
                e.Specialty = specialty;
                e.TopicDomainIds = [.. domains.Select(d => d.Id)];
            }
            await db.SaveChangesAsync();
        });

        var coordinator = await factory.AsAsync("coordinator");
        var all = new Dictionary<string, string> { ["Mode"] = "Optimal", ["Seed"] = "", ["Consider"] = "SharedTopics" };
        var confirmed = await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Optimal", all, $"/programmes/{id}/allocation?handler=Confirm");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var reasons = await factory.WithDbAsync(db => db.Pairings.Where(p => p.ProgrammeId == id && p.Status == PairingStatus.Active).Select(p => p.Reason).ToListAsync());
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r.Length <= Pairing.ReasonMaxLength, r));
        Assert.Contains(reasons, r => r.Contains("12 of the same topics", StringComparison.Ordinal));
    }
}
