using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>The demo pilot carries a content analysis along the study's themes, so its Table 1 has themes, counts and quotes.</summary>
public sealed class DemoPilotTable1Tests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_demo_pilots_table_1_has_the_studys_themes_with_counts_by_stage_and_quotes()
    {
        var id = await factory.PilotIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var csv = await researcher.GetStringAsync($"/programmes/{id}/free-text/table?handler=Csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Theme,Part of,Definition,Before phase 1,After phase 1,Before phase 2,After phase 2,Representative quote,Quoted participant", lines[0].TrimStart('\uFEFF'));
        string Row(string theme) => Assert.Single(lines, l => l.StartsWith(theme + ",", StringComparison.Ordinal));

        // By hand from the demo bundle: MR-01, MR-03 and MR-05 and mentees ME-01 and ME-05 after phase 2.
        Assert.Matches("^A different perspective,,\"?[^\n]+\"?,0,0,0,5,It offered the consultant a different perspective from the one they usually hear\\.,MR-01$", Row("A different perspective"));
        Assert.Matches(",2,1,1,0,Telling a consultant where they could improve goes against the hierarchy we all train in\\.,MR-01$", Row("Hierarchical difference"));
        Assert.Matches(",0,0,1,0,Finding the time to do this properly in a busy clinical week\\.,ME-02$", Row("Time to do it properly"));
        // MR-06's answer counts for its theme but is never quoted: MR-06 did not agree to be quoted.
        Assert.Matches(",3,0,0,0,\"Anonymous feedback, gathered from the group rather than from one person, would make it easier\\.\",MR-01$", Row("Anonymous feedback"));
        Assert.Equal(9, lines.Length - 1);
        Assert.DoesNotContain("MR-06", csv);
        Assert.DoesNotContain("Anonymity, at least at first", csv);

        // The researcher coded them: the codings are theirs and each coded answer is finished.
        var (mine, unfinished) = await factory.WithDbAsync(async db =>
        {
            var me = await db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == Upward.Core.Programmes.ProgrammeRole.Researcher
                && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf("researcher"))).Select(e => e.Id).SingleAsync();
            var codings = await db.Codings.Where(c => c.ProgrammeId == id).ToListAsync();
            var finished = await db.CodingsFinished.Where(f => f.ProgrammeId == id && f.CoderEnrolmentId == me).Select(f => f.AnswerId).ToListAsync();
            return (codings.Count(c => c.CoderEnrolmentId == me) == codings.Count && codings.Count > 0, codings.Select(c => c.AnswerId).Distinct().Except(finished).Count());
        });
        Assert.True(mine);
        Assert.Equal(0, unfinished);

        var page = WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/evaluation"));
        Assert.Contains("Themes by stage (participants)", page);
        Assert.Contains("Feedback in consultant appraisal", page);
        Assert.Contains("Feedback from juniors like this should be part of consultant appraisal.", page);
        var table = WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/free-text/table"));
        Assert.Contains("We came away with new ideas the department could put into practice.", table);
    }
}
