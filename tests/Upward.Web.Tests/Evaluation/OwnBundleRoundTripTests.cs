using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Evaluation;

/// <summary>A programme's own exported bundle always imports again, whatever the coordinator did with its questionnaires.</summary>
public sealed class OwnBundleRoundTripTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string Page = "/programmes/import-bundle";

    [Theory]
    [InlineData("demo")]
    [InlineData("pilot")]
    public async Task A_programme_with_the_standard_questionnaires_added_twice_exports_a_bundle_that_imports(string which)
    {
        var name = which == "demo" ? DemoProgramme.ProgrammeName : DemoPilotEvaluation.Bundle().Programme.Name;
        var id = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == name).OrderBy(p => p.CreatedAtUtc).Select(p => p.Id).FirstAsync());
        var coordinator = await factory.AsAsync(which == "demo" ? "coordinator" : "admin");
        if (which == "pilot")
        {
            await factory.WithDbAsync(async db =>
            {
                var admin = await db.Users.Where(u => u.Email == DemoProgramme.EmailOf("admin")).Select(u => u.Id).SingleAsync();
                if (!await db.Enrolments.AnyAsync(e => e.ProgrammeId == id && e.UserId == admin && e.Role == Upward.Core.Programmes.ProgrammeRole.Coordinator))
                {
                    db.Enrolments.Add(new Upward.Core.Programmes.Enrolment { ProgrammeId = id, UserId = admin, Role = Upward.Core.Programmes.ProgrammeRole.Coordinator, Status = Upward.Core.Programmes.EnrolmentStatus.Consented, ParticipantCode = "CO-09" });
                    await db.SaveChangesAsync();
                }
            });
        }
        var url = $"/programmes/{id}/questionnaires";
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var added = await coordinator.SubmitAsync(url, new Dictionary<string, string>(), $"{url}?handler=AddBuiltIns");
            Assert.True(added.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{added.StatusCode}");
        }
        // Both at once too, as a double click would send them.
        await coordinator.SubmitAtOnceAsync(2, url, new Dictionary<string, string>(), $"{url}?handler=AddBuiltIns");

        var exported = await (await factory.AsAsync("researcher")).GetByteArrayAsync($"/programmes/{id}/evaluation/export/bundle.json");
        var response = await (await factory.AsAsync("admin")).UploadAsync(Page, "Upload", "own.json", exported);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, html.Contains("nhsuk-error-summary") ? html[html.IndexOf("nhsuk-error-summary")..][..Math.Min(3000, html.Length - html.IndexOf("nhsuk-error-summary"))] : $"{response.StatusCode}");
    }

    [Fact]
    public async Task A_programme_whose_questionnaire_was_replaced_after_answers_exports_a_bundle_that_imports()
    {
        var id = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).OrderBy(p => p.CreatedAtUtc).Select(p => p.Id).FirstAsync());
        // A new version of an answered questionnaire now asked at the same stage: its answers keep the old version.
        var (audience, stage) = await factory.WithDbAsync(async db =>
        {
            var wave = await db.Waves.Where(w => w.ProgrammeId == id && db.Responses.Any(r => r.WaveId == w.Id && r.Status == Upward.Core.Questionnaires.ResponseStatus.Submitted)).FirstAsync();
            var old = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Id == wave.InstrumentId);
            var replacement = new Upward.Core.Questionnaires.Instrument { ProgrammeId = id, Key = old.Key, Version = old.Version + 1, Title = old.Title, Introduction = old.Introduction };
            foreach (var item in old.Items.OrderBy(i => i.Position))
            {
                replacement.Items.Add(new Upward.Core.Questionnaires.InstrumentItem
                {
                    InstrumentId = replacement.Id, Position = item.Position, Key = item.Key, Type = item.Type, Text = item.Text,
                    Choices = [.. item.Choices], ScoreName = item.ScoreName, Optional = item.Optional,
                });
            }
            db.Instruments.Add(replacement);
            wave.InstrumentId = replacement.Id;
            await db.SaveChangesAsync();
            return (wave.Audience, wave.Stage);
        });

        var exported = await (await factory.AsAsync("researcher")).GetByteArrayAsync($"/programmes/{id}/evaluation/export/bundle.json");
        var response = await (await factory.AsAsync("admin")).UploadAsync(Page, "Upload", "own.json", exported);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, html.Contains("nhsuk-error-summary") ? html[html.IndexOf("nhsuk-error-summary")..][..1500] : $"{response.StatusCode}");
        var imported = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0]);
        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.Waves.CountAsync(w => w.ProgrammeId == imported && w.Audience == audience && w.Stage == stage));
            Assert.True(await db.Instruments.CountAsync(i => i.ProgrammeId == imported) > await db.Waves.CountAsync(w => w.ProgrammeId == imported));
        });
        // And that import exports again to a bundle that imports.
        var again = await (await factory.AsAsync("admin")).GetByteArrayAsync($"/programmes/{imported}/evaluation/export/bundle.json");
        Assert.Equal(HttpStatusCode.Redirect, (await (await factory.AsAsync("admin")).UploadAsync(Page, "Upload", "again.json", again)).StatusCode);
    }
}
