using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>The demo programme switched to anonymous mode through the coordinator's settings page.</summary>
public sealed class AnonymousDemoFactory : UpwardFactory
{
    public AnonymousDemoFactory() => Demo = true;

    private bool _switched;

    public async Task SwitchToAnonymousAsync()
    {
        if (_switched) return;
        var response = await (await this.AsAsync("coordinator")).SubmitAsync($"/programmes/{await this.ProgrammeIdAsync()}/phase-one/settings",
            new Dictionary<string, string> { ["Input.Mode"] = "Anonymous", ["Input.MenteeMaySeeBrief"] = "true", ["Input.MenteesMayChooseMentors"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        _switched = true;
    }
}

/// <summary>Anonymous contributions: stored without their author, sealed below k, unreadable to mentors.</summary>
public sealed class AnonymousModeTests(AnonymousDemoFactory factory) : IClassFixture<AnonymousDemoFactory>
{
    private async Task<(Guid Programme, List<Guid> Domains)> SetUpAsync()
    {
        await factory.SwitchToAnonymousAsync();
        var programmeId = await factory.ProgrammeIdAsync();
        var domains = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == programmeId).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());
        return (programmeId, domains);
    }

    private static Dictionary<string, string> Comments(List<Guid> domains, Func<int, string> text, Func<int, string>? rating = null) =>
        domains.Select((d, i) => new[] { ($"Comments[{i}].DomainId", d.ToString()), ($"Comments[{i}].Text", text(i)), ($"Comments[{i}].Rating", rating?.Invoke(i) ?? "") })
            .SelectMany(x => x).ToDictionary(x => x.Item1, x => x.Item2);

    private async Task<HttpResponseMessage> ContributeAsync(string mentor, string mentee, Dictionary<string, string> fields)
    {
        var (programmeId, _) = await SetUpAsync();
        var url = $"/programmes/{programmeId}/phase-one/contribute/{await factory.EnrolmentIdAsync(mentee)}";
        return await (await factory.AsAsync(mentor)).SubmitAsync(url, fields);
    }

    [Fact]
    public async Task Bad_contributions_show_errors_keep_the_text_and_store_nothing()
    {
        var (_, domains) = await SetUpAsync();

        var sevenHtml = await (await ContributeAsync("mentor6", "mentee5", Comments(domains, i => i == 1 ? "Careful with consent" : "", i => i == 1 ? "7" : ""))).Content.ReadAsStringAsync();
        Assert.Contains("The rating for clinical practice must be from 1 to 5, or none", sevenHtml);
        Assert.Contains("Careful with consent", sevenHtml);

        var emptyHtml = await (await ContributeAsync("mentor6", "mentee5", Comments(domains, _ => "  "))).Content.ReadAsStringAsync();
        Assert.Contains("Write a comment on at least one domain", emptyHtml);

        var mentee5 = await factory.EnrolmentIdAsync("mentee5");
        Assert.False(await factory.WithDbAsync(db => db.AnonymousContributions.AnyAsync(c => c.MenteeEnrolmentId == mentee5)));
        Assert.False(await factory.WithDbAsync(db => db.AnonymousContributors.AnyAsync(c => c.MenteeEnrolmentId == mentee5)));
    }

    [Fact]
    public async Task Below_k_nothing_can_be_built_and_from_k_the_brief_reaches_only_its_mentee()
    {
        var (programmeId, domains) = await SetUpAsync();
        var mentee1 = await factory.EnrolmentIdAsync("mentee1");
        Assert.Equal(HttpStatusCode.Redirect, (await ContributeAsync("mentor1", "mentee1", Comments(domains, i => i == 0 ? "Quick on the electronic record" : "", i => i == 0 ? "5" : ""))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ContributeAsync("mentor2", "mentee1", Comments(domains, i => i == 0 ? "Asks juniors for help with apps" : "", i => i == 0 ? "4" : ""))).StatusCode);

        // A second ballot from the same mentor is refused: nobody reaches k alone.
        var again = await (await ContributeAsync("mentor1", "mentee1", Comments(domains, i => i == 0 ? "Stuffing the ballot" : ""))).Content.ReadAsStringAsync();
        Assert.Contains("You have already sent feedback", again);
        Assert.Equal(2, await factory.WithDbAsync(db => db.AnonymousContributors.CountAsync(c => c.MenteeEnrolmentId == mentee1)));

        // A mentor cannot read back their own contribution, nor another's.
        var mentor1 = await factory.AsAsync("mentor1");
        var ownPage = await mentor1.GetStringAsync($"/programmes/{programmeId}/phase-one/contribute/{mentee1}");
        Assert.Contains("cannot be shown to you", ownPage);
        Assert.DoesNotContain("electronic record", ownPage);
        Assert.DoesNotContain("apps", ownPage);
        Assert.DoesNotContain("apps", await mentor1.GetStringAsync($"/programmes/{programmeId}/phase-one/contribute"));

        // Two of three: the facilitator sees the count but no text, and the brief cannot be started.
        var facilitator = await factory.AsAsync("facilitator");
        var briefUrl = $"/programmes/{programmeId}/phase-one/mentees/{mentee1}/brief";
        var sealedPage = await facilitator.GetStringAsync(briefUrl);
        Assert.Contains("2 of the 3 mentors needed have contributed", sealedPage);
        Assert.DoesNotContain("electronic record", sealedPage);
        var refused = await (await facilitator.SubmitAsync(briefUrl, new Dictionary<string, string>(), briefUrl + "?handler=start")).Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", refused);
        Assert.Contains("Only 2 of the 3 mentors needed have contributed", refused);
        Assert.False(await factory.WithDbAsync(db => db.FeedbackBriefs.AnyAsync(b => b.MenteeEnrolmentId == mentee1)));

        Assert.Equal(HttpStatusCode.Redirect, (await ContributeAsync("mentor3", "mentee1", Comments(domains, i => i == 0 ? "Books telemedicine clinics well" : "", i => i == 0 ? "3" : ""))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(briefUrl, new Dictionary<string, string>(), briefUrl + "?handler=start")).StatusCode);
        var draft = await facilitator.GetStringAsync(briefUrl);
        Assert.Contains("- Asks juniors for help with apps\n- Books telemedicine clinics well\n- Quick on the electronic record", System.Net.WebUtility.HtmlDecode(draft));
        Assert.Contains("Median rating: 4 out of 5 (3 mentors rated)", draft);

        var releaseUrl = $"/programmes/{programmeId}/phase-one/mentees/{mentee1}/release";
        await facilitator.SubmitAsync(releaseUrl, new Dictionary<string, string>(), releaseUrl + "?handler=review");
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(releaseUrl, new Dictionary<string, string>(), releaseUrl + "?handler=mentee")).StatusCode);

        var mentee = await (await factory.AsAsync("mentee1")).GetStringAsync($"/programmes/{programmeId}/feedback");
        Assert.Contains("Books telemedicine clinics well", mentee);
        foreach (var person in DemoProgramme.People.Where(p => p.Email.StartsWith("mentor")))
        {
            Assert.DoesNotContain(person.Name, mentee);
        }
        Assert.DoesNotContain("telemedicine", await (await factory.AsAsync("mentee2")).GetStringAsync($"/programmes/{programmeId}/feedback"));
    }

    [Fact]
    public async Task No_contribution_row_or_column_leads_back_to_its_author()
    {
        var (_, domains) = await SetUpAsync();
        var mentee3 = await factory.EnrolmentIdAsync("mentee3");
        await ContributeAsync("mentor4", "mentee3", Comments(domains, i => $"Fourth mentor on domain {i}", _ => "3"));
        await ContributeAsync("mentor5", "mentee3", Comments(domains, i => $"Fifth mentor on domain {i}", _ => "4"));
        // Two of three: sealed, nothing in the pool yet.
        Assert.False(await factory.WithDbAsync(db => db.AnonymousContributions.AnyAsync(c => c.MenteeEnrolmentId == mentee3)));
        var pendingIds = await factory.WithDbAsync(db => db.PendingContributions.Where(c => c.MenteeEnrolmentId == mentee3).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, pendingIds.Count);
        await ContributeAsync("mentor6", "mentee3", Comments(domains, i => $"Sixth mentor on domain {i}", _ => "5"));

        // 1. The model: eight columns, none an author, a user or a time (Source says only "mentors" or
        //    "colleagues", a group released k at a time; ShownToMentee is set for a mentee's whole
        //    opened colleagues' pool at once, so it marks a batch of k or more, never a person);
        //    ids are never generated by the database.
        await factory.WithDbAsync(async db =>
        {
            var entity = db.Model.FindEntityType(typeof(AnonymousContribution))!;
            Assert.Equal(["DomainId", "Id", "MenteeEnrolmentId", "ProgrammeId", "Rating", "ShownToMentee", "Source", "Text"], entity.GetProperties().Select(p => p.Name).Order());
            Assert.DoesNotContain(entity.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateOnly) || p.ClrType == typeof(DateTimeOffset));
            Assert.Equal(typeof(Guid), entity.FindPrimaryKey()!.Properties.Single().ClrType);
            Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, entity.FindPrimaryKey()!.Properties.Single().ValueGenerated);
            Assert.All(entity.GetForeignKeys(), fk => Assert.Contains(fk.PrincipalEntityType.ClrType, new[] { typeof(Programme), typeof(Enrolment), typeof(ProgrammeDomain) }));
            Assert.Equal("MenteeEnrolmentId", entity.GetForeignKeys().Single(fk => fk.PrincipalEntityType.ClrType == typeof(Enrolment)).Properties.Single().Name);
            await Task.CompletedTask;
        });

        // 2. The table as an administrator reads it with SQL: no value is any mentor's enrolment or user id.
        var mentorIds = new HashSet<string>();
        foreach (var m in new[] { "mentor1", "mentor2", "mentor3", "mentor4", "mentor5", "mentor6" })
        {
            mentorIds.Add((await factory.EnrolmentIdAsync(m)).ToString().ToLowerInvariant());
            mentorIds.Add((await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoProgramme.EmailOf(m)).Select(u => u.Id).SingleAsync())).ToString().ToLowerInvariant());
        }
        var rows = await factory.WithDbAsync(db => ReadAllAsync(db, "SELECT * FROM \"AnonymousContributions\""));
        Assert.Equal(["DomainId", "Id", "MenteeEnrolmentId", "ProgrammeId", "Rating", "ShownToMentee", "Source", "Text"], rows.Columns.Order());
        Assert.NotEmpty(rows.Values);
        Assert.All(rows.Values.SelectMany(r => r), value => Assert.DoesNotContain(value?.ToString()?.ToLowerInvariant() ?? "", mentorIds));

        // 3. Ids are random (version 4); the three ballots were opened together and their sealed rows deleted.
        var ids = await factory.WithDbAsync(db => db.AnonymousContributions.Where(c => c.MenteeEnrolmentId == mentee3).Select(c => c.Id).ToListAsync());
        Assert.All(ids, id => Assert.Equal(4, id.Version));
        Assert.All(pendingIds, id => Assert.Equal(4, id.Version));
        Assert.Equal(3 * domains.Count, ids.Count);
        Assert.Empty(ids.Intersect(pendingIds));
        Assert.False(await factory.WithDbAsync(db => db.PendingContributions.AnyAsync(c => c.MenteeEnrolmentId == mentee3)));

        // 4. The contributor records hold only who took part about whom: no time, nothing about content.
        var contributor = factory.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(AnonymousContributor))!.GetProperties().Select(p => p.Name).Order().ToList()));
        Assert.Equal(["Id", "MenteeEnrolmentId", "MentorEnrolmentId", "ProgrammeId"], await contributor);

        // 5. Nothing in the audit log records a contribution (its actor and time would pair them).
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action.Contains("contribut") || (a.Subject != null && a.Subject.Contains(mentee3.ToString())))));
    }

    [Fact]
    public async Task Settings_refuse_nonsense_and_a_change_of_mode_once_feedback_exists()
    {
        var (programmeId, domains) = await SetUpAsync();
        await ContributeAsync("mentor6", "mentee4", Comments(domains, i => i == 0 ? "Good with the new app" : ""));
        var url = $"/programmes/{programmeId}/phase-one/settings";
        var coordinator = await factory.AsAsync("coordinator");

        var nonsense = await (await coordinator.SubmitAsync(url, new Dictionary<string, string> { ["Input.Mode"] = "Banana", ["Input.MenteeMaySeeBrief"] = "true" })).Content.ReadAsStringAsync();
        Assert.Contains("Select how mentors give feedback", nonsense);
        Assert.Contains("Select whether mentees may name mentors they would like to meet or would rather not meet", nonsense);

        var switched = await (await coordinator.SubmitAsync(url, new Dictionary<string, string> { ["Input.Mode"] = "Group", ["Input.MenteeMaySeeBrief"] = "true", ["Input.MenteesMayChooseMentors"] = "false" })).Content.ReadAsStringAsync();
        Assert.Contains("cannot change once feedback has been given", switched);
        Assert.Equal(FeedbackMode.Anonymous, await factory.WithDbAsync(db => db.PhaseOneSettings.Where(s => s.ProgrammeId == programmeId).Select(s => s.Mode).SingleAsync()));
    }

    [Fact]
    public async Task Withdrawing_tells_someone_who_sent_anonymous_feedback_that_it_stays_because_nothing_can_find_it()
    {
        var (programmeId, domains) = await SetUpAsync();
        await ContributeAsync("mentor5", "mentee2", Comments(domains, i => i == 2 ? "Calm on a busy take" : ""));
        var url = $"/programmes/{programmeId}/withdraw";

        var sender = await (await factory.AsAsync("mentor5")).GetStringAsync(url);
        Assert.Contains("Anonymous feedback you sent about mentees stays either way", sender);
        // Someone who sent none is not told about it.
        var other = await (await factory.AsAsync("mentee1")).GetStringAsync(url);
        Assert.DoesNotContain("Anonymous feedback you sent", other);
    }

    private static async Task<(List<string> Columns, List<object?[]> Values)> ReadAllAsync(UpwardDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var values = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            values.Add(row);
        }
        return (columns, values);
    }
}
