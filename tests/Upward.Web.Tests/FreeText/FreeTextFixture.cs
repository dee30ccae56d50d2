using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Demo;
using Upward.Web.Pages.FreeText;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>Shortcuts over the demo's free-text answers (mentors after phase 1) for the HTTP tests.</summary>
public static class FreeTextFixture
{
    /// <summary>The demo answer to <paramref name="itemKey"/> from the participant with <paramref name="code"/>.</summary>
    public static async Task<Guid> AnswerIdAsync(this UpwardFactory factory, string code, string itemKey = "comments") =>
        await factory.WithDbAsync(db => AnswersOf(db, code, itemKey).Select(a => a.Id).SingleAsync());

    /// <summary>Every free-text answer of the programme that may be analysed, in the list's order, as <see cref="FreeTextAnswers.ListAsync"/> gives them.</summary>
    public static async Task<IReadOnlyList<FreeTextAnswer>> EveryFreeTextAnswerAsync(this UpwardFactory factory, Guid programmeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FreeTextAnswers>().ListAsync(programmeId, withOriginals: false, CancellationToken.None);
    }

    public static IQueryable<Answer> AnswersOf(UpwardDbContext db, string code, string itemKey) =>
        from a in db.Answers
        join r in db.Responses on a.ResponseId equals r.Id
        join e in db.Enrolments on r.EnrolmentId equals e.Id
        join i in db.InstrumentItems on a.ItemId equals i.Id
        join p in db.Programmes on e.ProgrammeId equals p.Id
        // The demo also holds an imported pilot with the same participant codes.
        where p.Name == DemoProgramme.ProgrammeName && e.ParticipantCode == code && i.Key == itemKey && i.Type != ItemType.DomainGrid
        select a;

    public static async Task<Guid> EnrolmentIdAsync(this UpwardFactory factory, ProgrammeRole role, string code) =>
        await factory.WithDbAsync(db => db.Enrolments.Where(e => e.Role == role && e.ParticipantCode == code && db.Programmes.Any(p => p.Id == e.ProgrammeId && p.Name == DemoProgramme.ProgrammeName)).Select(e => e.Id).SingleAsync());

    /// <summary>Opens a theme through the codebook page and returns its id.</summary>
    public static async Task<Guid> OpenThemeAsync(this UpwardFactory factory, HttpClient client, Guid programmeId, string name, string definition = "")
    {
        var response = await client.SubmitAsync($"/programmes/{programmeId}/free-text/themes", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Definition"] = definition });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDbAsync(db => db.Themes.Where(t => t.ProgrammeId == programmeId && t.Name == name).Select(t => t.Id).SingleAsync());
    }

    public static async Task<HttpResponseMessage> CodeAsync(this HttpClient client, Guid programmeId, Guid answerId, Guid themeId, string words = "") =>
        await client.SubmitAsync($"/programmes/{programmeId}/free-text/answers/{answerId}/code",
            new Dictionary<string, string> { ["Apply.ThemeId"] = themeId.ToString(), ["Apply.Words"] = words });

    public static async Task<HttpResponseMessage> FinishAsync(this HttpClient client, Guid programmeId, Guid answerId) =>
        await client.SubmitAsync($"/programmes/{programmeId}/free-text/answers/{answerId}/code",
            new Dictionary<string, string> { ["finished"] = "true" }, $"/programmes/{programmeId}/free-text/answers/{answerId}/code?handler=Finish");
}
