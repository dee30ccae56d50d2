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

    public static async Task<string> RequestsPageAsync(UpwardFactory factory) => $"/programmes/{await factory.ProgrammeIdAsync()}/colleague-feedback/requests";

    /// <summary>The mentee asks for a colleague to be invited (nothing is emailed yet).</summary>
    public static async Task<HttpResponseMessage> AskAsync(UpwardFactory factory, HttpClient mentee, string email,
        string name = "A colleague", string relationship = "Works on the same ward") =>
        await mentee.SubmitAsync(await PageAsync(factory), new Dictionary<string, string>
        {
            ["ColleagueName"] = name, ["WorkingRelationship"] = relationship, ["Email"] = email,
        });

    /// <summary>The request awaiting approval for <paramref name="email"/> (addresses are unique across these tests).</summary>
    public static async Task<Guid> RequestIdAsync(UpwardFactory factory, string email) =>
        await factory.WithDbAsync(db => db.ColleagueInvitations
            .Where(i => i.Email == email.Trim().ToLowerInvariant() && i.Status == Upward.Core.Colleagues.ColleagueInvitationStatus.AwaitingApproval)
            .Select(i => i.Id).SingleAsync());

    /// <summary><paramref name="who"/> (the coordinator unless said) approves or declines a request, as the requests page's buttons post it.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(UpwardFactory factory, Guid requestId, string handler, string who = "coordinator")
    {
        var page = await RequestsPageAsync(factory);
        var client = await factory.AsAsync(who);
        // The token from the programme's own page (the sign-out form), which every member can open: the wrong user posts too.
        var token = await client.TokenAsync($"/programmes/{await factory.ProgrammeIdAsync()}");
        return await client.PostAsync($"{page}?handler={handler}&invitationId={requestId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The mentee asks and the coordinator approves, so the colleague is emailed their link. Returns the mentee's response.</summary>
    public static async Task<HttpResponseMessage> InviteAsync(UpwardFactory factory, HttpClient mentee, string email)
    {
        var asked = await AskAsync(factory, mentee, email);
        if (asked.StatusCode == HttpStatusCode.Redirect)
        {
            var approved = await DecideAsync(factory, await RequestIdAsync(factory, email), "Approve");
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }
        return asked;
    }

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

    public static async Task<string> ReviewPageAsync(UpwardFactory factory) => $"/programmes/{await factory.ProgrammeIdAsync()}/colleague-feedback/review";

    /// <summary><paramref name="who"/> (the facilitator unless said) posts one of the review page's buttons.</summary>
    public static async Task<HttpResponseMessage> ReviewActionAsync(UpwardFactory factory, string handler, string query, string who = "facilitator")
    {
        var client = await factory.AsAsync(who);
        var token = await client.TokenAsync($"/programmes/{await factory.ProgrammeIdAsync()}");
        return await client.PostAsync($"{await ReviewPageAsync(factory)}?handler={handler}&{query}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The facilitator lets the mentee (by demo login) see the colleagues' comments they have read.</summary>
    public static async Task ShowToMenteeAsync(UpwardFactory factory, string mentee)
    {
        var response = await ReviewActionAsync(factory, "Show", $"menteeEnrolmentId={await factory.EnrolmentIdAsync(mentee)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
