using System.Net;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>The audit log page reads as sentences: who did what to which thing in which programme, never an action code.</summary>
public sealed class AuditSentenceTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Opening_a_questionnaire_reads_as_who_opened_which_questionnaire_in_which_programme()
    {
        var id = await factory.ProgrammeIdAsync();
        var wave = await factory.WithDbAsync(db => db.Waves.Where(w => w.ProgrammeId == id && w.Stage == Stage.AfterPhase2 && w.Audience == ProgrammeRole.Mentee).Select(w => w.Id).SingleAsync());
        var coordinator = await factory.AsAsync("coordinator");
        var opened = await coordinator.SubmitAsync($"/programmes/{id}/questionnaires", new Dictionary<string, string>(), $"/programmes/{id}/questionnaires?handler=Open&waveId={wave}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        var html = WebUtility.HtmlDecode(await (await factory.AsAsync("admin")).GetStringAsync("/admin/audit"));

        Assert.Contains($"Dr Priya Shah opened the after phase 2 questionnaire for mentees in {DemoProgramme.ProgrammeName}.", html);
        Assert.Contains("Upward loaded the demonstration programme and its people.", html);
    }

    [Fact]
    public async Task No_action_code_shows_on_the_audit_page()
    {
        var html = await (await factory.AsAsync("admin")).GetStringAsync("/admin/audit");
        var codes = typeof(AuditAction).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        var written = await factory.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).Distinct().ToListAsync());
        Assert.NotEmpty(written);
        foreach (var code in codes.Where(c => c.Contains('.')))
        {
            Assert.DoesNotContain($">{code}<", html);
            Assert.DoesNotContain($"{code}.", html);
        }
    }
}
