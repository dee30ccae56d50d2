using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Evaluation;

/// <summary>The administrator's upload of a research bundle: all or nothing, the importer coordinates, the round trip holds.</summary>
public sealed class ImportBundlePageTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string Page = "/programmes/import-bundle";
    private static readonly string PilotName = DemoPilotEvaluation.Bundle().Programme.Name;

    private async Task<byte[]> PilotBundleAsync()
    {
        var id = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == PilotName).OrderBy(p => p.CreatedAtUtc).Select(p => p.Id).FirstAsync());
        return await (await factory.AsAsync("researcher")).GetByteArrayAsync($"/programmes/{id}/evaluation/export/bundle.json");
    }

    private Task<(int Programmes, int Users)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.Programmes.CountAsync(), await db.Users.CountAsync()));

    [Fact]
    public async Task The_administrator_imports_an_exported_bundle_coordinates_it_and_exports_it_again_unchanged()
    {
        var exported = await PilotBundleAsync();
        var admin = await factory.AsAsync("admin");

        var response = await admin.UploadAsync(Page, "Upload", "pilot.json", exported);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("?imported=true", location);
        var id = Guid.Parse(location.Split('/')[2].Split('?')[0]);

        Assert.Contains("The research bundle is imported", await admin.GetStringAsync(location));
        var again = await admin.GetByteArrayAsync($"/programmes/{id}/evaluation/export/bundle.json");
        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(again));

        await factory.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == id);
            Assert.Equal(ProgrammeStatus.Evaluating, programme.Status);
            var adminId = await db.Users.Where(u => u.Email == DemoProgramme.EmailOf("admin")).Select(u => u.Id).SingleAsync();
            Assert.True(await db.Enrolments.AnyAsync(e => e.ProgrammeId == id && e.UserId == adminId && e.Role == ProgrammeRole.Coordinator));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.BundleImported && a.ProgrammeId == id && a.ActorUserId == adminId));
        });
    }

    [Fact]
    public async Task A_file_that_is_not_a_bundle_is_explained_and_nothing_is_imported()
    {
        var before = await CountsAsync();
        var admin = await factory.AsAsync("admin");

        var html = await (await admin.UploadAsync(Page, "Upload", "notes.json", Encoding.UTF8.GetBytes("{\"format\": \"something-else\"}"))).Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("The file is not a research bundle Upward can read", html);
        Assert.Contains("id=\"problems\"", html);

        var binary = await (await admin.UploadAsync(Page, "Upload", "sheet.json", [0xff, 0xfe, 0x00, 0x50])).Content.ReadAsStringAsync();
        Assert.Contains("JSON in UTF-8", binary);

        var empty = await (await admin.UploadAsync(Page, "Upload", "empty.json", [])).Content.ReadAsStringAsync();
        Assert.Contains("Select a research bundle file", empty);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_valid_bundle_that_does_not_fit_the_database_is_refused_whole_with_each_path_named()
    {
        var bundle = JsonNode.Parse(await PilotBundleAsync())!;
        bundle["programme"]!["name"] = new string('P', 250);
        bundle["programme"]!["time_zone"] = "Mars/Olympus_Mons";
        var before = await CountsAsync();

        var response = await (await factory.AsAsync("admin")).UploadAsync(Page, "Upload", "long.json", Encoding.UTF8.GetBytes(bundle.ToJsonString()));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nothing has been imported", html);
        Assert.Contains("$.programme.name is 250 characters long; Upward keeps at most 200", html);
        Assert.Contains("Upward does not know the time zone", html);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("researcher")]
    [InlineData("mentor1")]
    public async Task Only_an_organisation_administrator_imports(string who)
    {
        var client = await factory.AsAsync(who);
        var get = await client.GetAsync(Page);
        Assert.Contains("/account/access-denied", get.Headers.Location?.OriginalString);

        var before = await CountsAsync();
        var post = await client.UploadAsync("/", "Upload", "pilot.json", await PilotBundleAsync(), Page);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }
}
