using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Data.Identity;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

public sealed class CodingTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Merging_themes_moves_their_codings_and_drops_the_merged_theme()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var hierarchy = await factory.OpenThemeAsync(researcher, id, "Hierarchy");
        var seniority = await factory.OpenThemeAsync(researcher, id, "Seniority gap");
        var one = await factory.AnswerIdAsync("MR-01", "concerns");
        var four = await factory.AnswerIdAsync("MR-04");
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.CodeAsync(id, one, seniority)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.CodeAsync(id, four, seniority, "the hierarchy")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.CodeAsync(id, one, hierarchy)).StatusCode);

        var merged = await researcher.SubmitAsync($"/programmes/{id}/free-text/themes/{seniority}", new Dictionary<string, string> { ["MergeInto"] = hierarchy.ToString() },
            $"/programmes/{id}/free-text/themes/{seniority}?handler=Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Themes.AnyAsync(t => t.Id == seniority));
            var codings = await db.Codings.Where(c => c.ThemeId == hierarchy).ToListAsync();
            // MR-01's duplicate whole-answer coding collapses into one; MR-04's passage coding moves.
            Assert.Equal(2, codings.Count);
            Assert.Single(codings, c => c.AnswerId == four && c.PassageStart is not null);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.ThemesMerged));
        });
    }

    [Fact]
    public async Task A_researcher_never_sees_a_name_on_any_free_text_page_or_in_the_csv()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var theme = await factory.OpenThemeAsync(researcher, id, "A different perspective");
        var answer = await factory.AnswerIdAsync("MR-01");
        await researcher.CodeAsync(id, answer, theme, "a different perspective");
        await researcher.SubmitAsync($"/programmes/{id}/free-text/themes/{theme}/quote", new Dictionary<string, string> { ["AnswerId"] = answer.ToString() });
        var root = $"/programmes/{id}/free-text";
        var pages = new[] { root, $"{root}/themes", $"{root}/themes/{theme}", $"{root}/themes/{theme}/quote", $"{root}/answers/{answer}/code", $"{root}/answers/{answer}/redact", $"{root}/agreement", $"{root}/table", $"{root}/table?handler=Csv" };
        foreach (var page in pages)
        {
            var response = await researcher.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            foreach (var (_, name, role) in DemoProgramme.People)
            {
                // The researcher's own name may be in the header; nobody else's anywhere.
                if (role == ProgrammeRole.Researcher) continue;
                Assert.DoesNotContain(name, body);
            }
        }
        var csv = await researcher.GetAsync($"{root}/table?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("A different perspective", text);
        Assert.Contains("MR-01", text);
        Assert.DoesNotContain("Dr Jo Kim", text);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Exported && a.ProgrammeId == id)));
    }

    [Fact]
    public async Task Quotes_are_refused_from_someone_who_did_not_agree_to_be_quoted()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var theme = await factory.OpenThemeAsync(researcher, id, "New ideas");
        var six = await factory.AnswerIdAsync("MR-06");
        var two = await factory.AnswerIdAsync("MR-02");
        await researcher.CodeAsync(id, six, theme);
        await researcher.CodeAsync(id, two, theme);
        var quoteUrl = $"/programmes/{id}/free-text/themes/{theme}/quote";

        var refused = await researcher.SubmitAsync(quoteUrl, new Dictionary<string, string> { ["AnswerId"] = six.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("MR-06 did not agree to be quoted", await refused.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.RepresentativeQuotes.AnyAsync(q => q.ThemeId == theme)));

        Assert.Equal(HttpStatusCode.Redirect, (await researcher.SubmitAsync(quoteUrl, new Dictionary<string, string> { ["AnswerId"] = two.ToString() })).StatusCode);
        var table = WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/free-text/table"));
        Assert.Contains("It gave me new ideas for how our handover teaching could run.", table);
        Assert.DoesNotContain("rota feedback anonymous", table);

        // Opening the theme and choosing what may be published are both audited, by id only; the refused quote is not.
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ProgrammeId == id).Select(a => new { a.Action, a.Subject }).ToListAsync());
        Assert.Contains(audited, a => a.Action == AuditAction.ThemeOpened && a.Subject == $"theme:{theme}");
        var quoted = Assert.Single(audited, a => a.Action == AuditAction.QuoteChosen && a.Subject!.StartsWith($"theme:{theme}", StringComparison.Ordinal));
        Assert.Equal($"theme:{theme}:answer:{two}", quoted.Subject);
    }

    [Fact]
    public async Task Bad_input_shows_the_error_summary_or_not_found_and_saves_nothing()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var themes = $"/programmes/{id}/free-text/themes";
        var existing = await factory.OpenThemeAsync(researcher, id, "Selection bias");
        var before = await factory.WithDbAsync(db => db.Themes.CountAsync());

        var empty = await researcher.SubmitAsync(themes, new Dictionary<string, string> { ["Input.Name"] = "  " });
        Assert.Contains("Enter a name for the theme", await empty.Content.ReadAsStringAsync());
        var duplicate = await researcher.SubmitAsync(themes, new Dictionary<string, string> { ["Input.Name"] = "selection BIAS" });
        Assert.Contains("There is already a theme with this name", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.SubmitAsync(themes, new Dictionary<string, string> { ["Input.Name"] = "Orphan", ["Input.ParentId"] = Guid.NewGuid().ToString() })).StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Themes.CountAsync()));

        var answer = await factory.AnswerIdAsync("MR-02", "concerns");
        var codings = await factory.WithDbAsync(db => db.Codings.CountAsync());
        var notThere = await researcher.CodeAsync(id, answer, existing, "words nobody wrote");
        Assert.Equal(HttpStatusCode.OK, notThere.StatusCode);
        var html = await notThere.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("Enter words that appear in the answer", html);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.CodeAsync(id, answer, Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/programmes/{id}/free-text/answers/{Guid.NewGuid()}/code")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/programmes/{id}/free-text/themes/{Guid.NewGuid()}")).StatusCode);
        // A domain rating is an answer, but not a free-text one.
        var rating = await factory.WithDbAsync(db => db.Answers.Where(a => a.Number != null && a.Text == null).Select(a => a.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/programmes/{id}/free-text/answers/{rating}/code")).StatusCode);
        Assert.Equal(codings, await factory.WithDbAsync(db => db.Codings.CountAsync()));

        var merge = await researcher.SubmitAsync($"{themes}/{existing}", new Dictionary<string, string> { ["MergeInto"] = Guid.NewGuid().ToString() }, $"{themes}/{existing}?handler=Merge");
        Assert.Equal(HttpStatusCode.NotFound, merge.StatusCode);
    }

    [Fact]
    public async Task Two_coders_see_their_agreement_and_settle_a_difference()
    {
        var id = await factory.ProgrammeIdAsync();
        var second = await SecondResearcherAsync(id);
        var first = await factory.AsAsync("researcher");
        var worry = await factory.OpenThemeAsync(first, id, "Fear of consequences");
        var one = await factory.AnswerIdAsync("MR-01", "concerns");
        var five = await factory.AnswerIdAsync("MR-05", "concerns");
        await first.CodeAsync(id, one, worry);
        await first.CodeAsync(id, five, worry);
        await second.CodeAsync(id, one, worry);
        // The second coder does not see the first one's codings while coding.
        Assert.Contains("You have not applied any theme yet", await second.GetStringAsync($"/programmes/{id}/free-text/answers/{five}/code"));
        foreach (var client in new[] { first, second })
        {
            await client.FinishAsync(id, one);
            await client.FinishAsync(id, five);
        }
        var a = await factory.EnrolmentIdAsync(ProgrammeRole.Researcher, "RE-01");
        var b = await factory.EnrolmentIdAsync(ProgrammeRole.Researcher, "RE-02");
        var url = $"/programmes/{id}/free-text/agreement?CoderA={a}&CoderB={b}";
        var page = WebUtility.HtmlDecode(await first.GetStringAsync(url));
        Assert.Contains("RE-01 applied it; RE-02 did not.", page);
        // By hand: RE-01 yes on both answers, RE-02 yes on one; p_o = 0.5, p_e = 1 × 0.5 + 0 × 0.5 = 0.5, so kappa = 0.
        Assert.Contains("Fear of consequences</th><td class=\"nhsuk-table__cell\">50%</td><td class=\"nhsuk-table__cell\">0.00</td><td class=\"nhsuk-table__cell\">slight</td>", page);
        Assert.DoesNotContain("Dr Jo Kim", page.Split("<main")[1]);

        var settled = await first.SubmitAsync(url, new Dictionary<string, string> { ["answerId"] = five.ToString(), ["themeId"] = worry.ToString(), ["apply"] = "true" },
            $"/programmes/{id}/free-text/agreement?handler=Settle&CoderA={a}&CoderB={b}");
        Assert.Equal(HttpStatusCode.Redirect, settled.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Codings.AnyAsync(c => c.AnswerId == five && c.ThemeId == worry && c.CoderEnrolmentId == b)));
        Assert.Contains("Fear of consequences, answer from MR-05", page);
        Assert.DoesNotContain("Fear of consequences, answer from MR-05", WebUtility.HtmlDecode(await first.GetStringAsync(url)));
    }

    private async Task<HttpClient> SecondResearcherAsync(Guid programmeId)
    {
        const string email = "second.researcher@demo.upward.example";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UpwardUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var db = scope.ServiceProvider.GetRequiredService<Upward.Data.UpwardDbContext>();
                var organisation = await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.OrganisationId).SingleAsync();
                var user = new UpwardUser { UserName = email, Email = email, DisplayName = "Second Researcher Name", OrganisationId = organisation };
                Assert.True((await users.CreateAsync(user, DemoProgramme.Password)).Succeeded);
                db.Enrolments.Add(new Enrolment { ProgrammeId = programmeId, UserId = user.Id, Role = ProgrammeRole.Researcher, Status = EnrolmentStatus.Consented, ParticipantCode = "RE-02" });
                await db.SaveChangesAsync();
            }
        }
        return await factory.AsAsync(email);
    }
}

public sealed class ThemesInEvaluationTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Table_1_appears_on_the_evaluation_page_and_in_the_workbook()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var theme = await factory.OpenThemeAsync(researcher, id, "A different perspective", "Seeing one's practice as juniors see it");
        var answer = await factory.AnswerIdAsync("MR-01");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await researcher.CodeAsync(id, answer, theme)).StatusCode);

        var page = await researcher.GetStringAsync($"/programmes/{id}/evaluation");
        Assert.Contains("Themes by stage (participants)", page);
        Assert.Contains("A different perspective", page);

        var xlsx = await researcher.GetByteArrayAsync($"/programmes/{id}/evaluation/export/evaluation.xlsx");
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Contains("A different perspective", document.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet.InnerText).Aggregate(string.Concat));
    }
}
