using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Colleagues;

/// <summary>What the coordinator, a mentee and their colleagues do for 360° input, as a browser would post it.</summary>
public static class ColleagueSteps
{
    public static async Task TurnOnAsync(UpwardFactory factory, bool on = true)
    {
        var id = await factory.ProgrammeIdAsync();
        var response = await (await factory.AsAsync("coordinator")).SubmitAsync($"/programmes/{id}/preparation/settings", new Dictionary<string, string>
        {
            ["Input.AllocationWaitsForReadiness"] = "false", ["Input.SafeguardingContact"] = "",
            ["Input.CertificateNeedsPreparation"] = "true", ["Input.CertificateMinimumSessions"] = "1", ["Input.CertificateNeedsEvaluation"] = "true",
            ["Input.ColleagueInputEnabled"] = on ? "true" : "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<string> PageAsync(UpwardFactory factory) => $"/programmes/{await factory.ProgrammeIdAsync()}/colleague-feedback";

    public static async Task<HttpResponseMessage> InviteAsync(UpwardFactory factory, HttpClient mentee, string email) =>
        await mentee.SubmitAsync(await PageAsync(factory), new Dictionary<string, string> { ["Email"] = email });

    /// <summary>The link in the last email sent to <paramref name="email"/> (a path, like /colleague-feedback/…).</summary>
    public static string LinkFor(UpwardFactory factory, string email)
    {
        var message = factory.Sent().Last(m => m.To.Mailboxes.Any(b => b.Address == email));
        return Forms.LinkIn(message.TextBody, "/colleague-feedback/");
    }

    /// <summary>The colleague's form, filled with <paramref name="text"/> on the first domain (and nothing elsewhere).</summary>
    public static async Task<Dictionary<string, string>> AnswerFieldsAsync(UpwardFactory factory, string text)
    {
        var id = await factory.ProgrammeIdAsync();
        var domains = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());
        return domains.Select((d, i) => new[] { ($"Comments[{i}].DomainId", d.ToString()), ($"Comments[{i}].Text", i == 0 ? text : "") })
            .SelectMany(x => x).ToDictionary(x => x.Item1, x => x.Item2);
    }

    /// <summary>A colleague, signed out, opens their link and sends <paramref name="text"/>.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(UpwardFactory factory, string link, string text) =>
        await factory.Browser().SubmitAsync(link, await AnswerFieldsAsync(factory, text));
}
