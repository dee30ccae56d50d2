using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>k is fixed once anonymous feedback exists (it may only rise), and every settings change is audited with old and new values.</summary>
public sealed class ThresholdAndSettingsAuditTests(AnonymousDemoFactory factory) : IClassFixture<AnonymousDemoFactory>
{
    private async Task<Dictionary<string, string>> CurrentSettingsAsync(Guid id) =>
        await factory.WithDbAsync(async db => await db.Programmes.SingleAsync(p => p.Id == id) is var p ? new Dictionary<string, string>
        {
            ["Input.Name"] = p.Name,
            ["Input.AnonymityThreshold"] = p.AnonymityThreshold.ToString(),
            ["Input.SessionTimeLimitMinutes"] = p.SessionTimeLimitMinutes.ToString(),
            ["Input.TimeZone"] = p.TimeZone,
            ["Input.EthicsReference"] = p.EthicsReference ?? "",
            ["Input.SupervisorRule"] = p.SupervisorRule.ToString(),
            ["Input.MenteesPerMentor"] = p.MenteesPerMentor.ToString(),
            ["Input.SessionsPerPair"] = p.SessionsPerPair.ToString(),
            ["Input.RetentionMonths"] = p.RetentionMonths.ToString(),
            ["Input.Departments"] = string.Join("\n", p.Departments),
            ["Input.Specialties"] = string.Join("\n", p.Specialties),
        } : throw new InvalidOperationException());

    private async Task<HttpResponseMessage> SaveAsync(Guid id, Action<Dictionary<string, string>> change, string who = "coordinator")
    {
        var fields = await CurrentSettingsAsync(id);
        change(fields);
        return await (await factory.AsAsync(who)).SubmitAsync($"/programmes/{id}/settings", fields);
    }

    private Task<int> KAsync(Guid id) => factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.AnonymityThreshold).SingleAsync());

    private Task<List<string?>> DetailsAsync(Guid id, string action) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ProgrammeId == id && a.Action == action).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());

    [Fact]
    public async Task K_may_only_rise_once_feedback_exists_and_every_change_is_audited_with_old_and_new_values()
    {
        await factory.SwitchToAnonymousAsync();
        var id = await factory.ProgrammeIdAsync();

        // Before any feedback k may move either way; each change is audited with both values.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(id, f => { f["Input.AnonymityThreshold"] = "4"; f["Input.SessionTimeLimitMinutes"] = "50"; })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(id, f => f["Input.AnonymityThreshold"] = "3")).StatusCode);
        var details = await DetailsAsync(id, AuditAction.ProgrammeSettingsChanged);
        Assert.Contains(details, d => d!.Contains("AnonymityThreshold: 3 → 4") && d.Contains("SessionTimeLimitMinutes: 60 → 50"));
        Assert.Contains(details, d => d == "AnonymityThreshold: 4 → 3");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(id, f => { f["Input.Name"] = "Renamed pilot"; f["Input.Departments"] = "Cardiology\nRenal"; })).StatusCode);
        Assert.Contains(await DetailsAsync(id, AuditAction.ProgrammeSettingsChanged), d => d!.Contains("Name: \"") && d.Contains("→ \"Renamed pilot\"") && d.Contains("→ [Cardiology, Renal]"));

        // The phase 1 settings too.
        Assert.Contains(await DetailsAsync(id, AuditAction.PhaseOneSettingsChanged), d => d!.Contains("Mode: Group → Anonymous"));

        // One ballot exists: k can no longer fall, with the error summary and nothing saved.
        var mentee = await factory.EnrolmentIdAsync("mentee4");
        var domains = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());
        var ballot = domains.Select((d, i) => new[] { ($"Comments[{i}].DomainId", d.ToString()), ($"Comments[{i}].Text", i == 0 ? "Kind on ward rounds" : ""), ($"Comments[{i}].Rating", "") })
            .SelectMany(x => x).ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Equal(HttpStatusCode.Redirect, (await (await factory.AsAsync("mentor1")).SubmitAsync($"/programmes/{id}/phase-one/contribute/{mentee}", ballot)).StatusCode);

        var lowered = await SaveAsync(id, f => f["Input.AnonymityThreshold"] = "2");
        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        var html = await lowered.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("cannot go below 3 now that mentors have sent anonymous feedback", html);
        Assert.Equal(3, await KAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(id, f => f["Input.AnonymityThreshold"] = "5")).StatusCode);
        Assert.Equal(5, await KAsync(id));
        Assert.Contains(await DetailsAsync(id, AuditAction.ProgrammeSettingsChanged), d => d == "AnonymityThreshold: 3 → 5");

        // Nonsense is answered with the error summary, never a 500; the wrong people change nothing.
        var nonsense = await SaveAsync(id, f => f["Input.AnonymityThreshold"] = "lots");
        Assert.Equal(HttpStatusCode.OK, nonsense.StatusCode);
        Assert.Contains("nhsuk-error-summary", await nonsense.Content.ReadAsStringAsync());
        foreach (var who in new[] { "mentor2", "mentee1", "facilitator" })
        {
            var fields = await CurrentSettingsAsync(id);
            fields["Input.AnonymityThreshold"] = "2";
            var response = await (await factory.AsAsync(who)).SubmitAsync("/", fields, $"/programmes/{id}/settings");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("saved", response.Headers.Location?.OriginalString ?? "");
        }
        Assert.Equal(5, await KAsync(id));
    }
}
