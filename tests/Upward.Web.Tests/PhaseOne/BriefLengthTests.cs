using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data.PhaseOne;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>
/// Mentors may each write up to 4,000 characters on a domain; a drafted brief section holds 8,000.
/// Three long contributions must not overflow the column (a 500 on PostgreSQL).
/// </summary>
public sealed class BriefLengthTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_brief_drafted_from_long_anonymous_contributions_fits_its_column()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentee = await factory.EnrolmentIdAsync("mentee1");
        var seal = factory.Services.GetRequiredService<IBallotSeal>();
        await factory.WithDbAsync(async db =>
        {
            var settings = await db.PhaseOneSettings.SingleOrDefaultAsync(s => s.ProgrammeId == id);
            if (settings is null) db.PhaseOneSettings.Add(settings = PhaseOneSettings.DefaultFor(id));
            settings.Mode = FeedbackMode.Anonymous;
            await db.SaveChangesAsync();
            var domain = await db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).Select(d => d.Id).FirstAsync();
            var mentors = await db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor).OrderBy(e => e.ParticipantCode).Select(e => e.Id).Take(3).ToListAsync();
            foreach (var (mentor, i) in mentors.Select((m, i) => (m, i)))
            {
                var text = (char)('a' + i) + new string('x', ContributeAboutModelLimit - 1);
                Assert.True(await db.CastAsync(seal, id, mentor, mentee, [new AnonymousContribution { ProgrammeId = id, MenteeEnrolmentId = mentee, DomainId = domain, Text = text, Rating = 4 }], 7, CancellationToken.None));
            }
            Assert.Equal(3, await db.ReleaseAsync(seal, mentee, CancellationToken.None));
        });

        var facilitator = await factory.AsAsync("facilitator");
        var url = $"/programmes/{id}/phase-one/mentees/{mentee}/brief";
        var response = await facilitator.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Start");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected the brief, got {(int)response.StatusCode}");
        var sections = await factory.WithDbAsync(db => db.FeedbackBriefSections.Select(s => s.Text).ToListAsync());
        Assert.NotEmpty(sections);
        Assert.All(sections, text => Assert.True(text.Length <= Upward.Web.Pages.PhaseOne.BriefModel.SectionLimit, $"a section of {text.Length} characters"));
        // The facilitator is told the draft was shortened, so nothing is silently lost.
        Assert.Contains(sections, text => text.Contains("shortened", StringComparison.Ordinal));
    }

    private const int ContributeAboutModelLimit = Upward.Web.Pages.PhaseOne.ContributeAboutModel.TextLimit;
}
