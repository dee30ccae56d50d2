using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Organisations;
using Upward.Data.Identity;
using Upward.Web.Demo;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>Signs in as demo people and finds the demo programme and their enrolments, for every HTTP test.</summary>
public static class DemoPeople
{
    public const string OutsiderEmail = "outsider@other-trust.example";

    public static async Task<Guid> ProgrammeIdAsync(this UpwardFactory factory) =>
        await factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync());

    /// <summary>
    /// The demo's imported pilot (the published study's answers, coded, with themes and quotes): the first programme
    /// of that name, as a round-trip test may import another under it later.
    /// </summary>
    public static Task<Guid> PilotIdAsync(this UpwardFactory factory) => factory.WithDbAsync(db => db.Programmes
        .Where(p => p.Name == DemoPilotEvaluation.Bundle().Programme.Name).OrderBy(p => p.CreatedAtUtc).Select(p => p.Id).FirstAsync());

    /// <summary>The enrolment id of a demo person (for example "mentee2") in the demo programme.</summary>
    public static async Task<Guid> EnrolmentIdAsync(this UpwardFactory factory, string localPart) =>
        await factory.WithDbAsync(db => db.Enrolments
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, u.Email })
            .Where(x => x.Email == DemoProgramme.EmailOf(localPart))
            .Select(x => x.Id).SingleAsync());

    /// <summary>A demo person's current roles in the demo programme (empty for someone not enrolled).</summary>
    public static async Task<IReadOnlyList<Upward.Core.Programmes.ProgrammeRole>> RolesAsync(this UpwardFactory factory, string localPart)
    {
        var id = await factory.ProgrammeIdAsync();
        return await factory.WithDbAsync(db => db.Enrolments
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.ProgrammeId, e.Role, e.Status, u.Email })
            .Where(x => x.ProgrammeId == id && x.Email == DemoProgramme.EmailOf(localPart) && x.Status != Upward.Core.Programmes.EnrolmentStatus.Withdrawn)
            .Select(x => x.Role).ToListAsync());
    }

    /// <summary>A client signed in as a demo person (by local part, like "mentor1") or any account by email.</summary>
    public static async Task<HttpClient> AsAsync(this UpwardFactory factory, string localPartOrEmail, string? password = null)
    {
        if (localPartOrEmail == OutsiderEmail)
        {
            await factory.EnsureOutsiderAsync();
        }
        var client = factory.Browser();
        var email = localPartOrEmail.Contains('@') ? localPartOrEmail : DemoProgramme.EmailOf(localPartOrEmail);
        var response = await client.SignInAsync(email, password ?? DemoProgramme.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An administrator of a different organisation, who must see nothing of the demo trust.</summary>
    public static async Task EnsureOutsiderAsync(this UpwardFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UpwardUser>>();
        if (await users.FindByEmailAsync(OutsiderEmail) is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<Upward.Data.UpwardDbContext>();
        var other = new Organisation { Name = "Other Trust" };
        db.Organisations.Add(other);
        await db.SaveChangesAsync();
        var user = new UpwardUser { UserName = OutsiderEmail, Email = OutsiderEmail, DisplayName = "Outsider", OrganisationId = other.Id };
        Assert.True((await users.CreateAsync(user, DemoProgramme.Password)).Succeeded);
        await users.AddToRoleAsync(user, UpwardRoles.OrganisationAdmin);
    }

    public static void AssertRefused(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/access-denied") == true,
            $"{what}: expected access denied, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    public static void AssertAllowed(HttpResponseMessage response, string what)
    {
        var ok = response.StatusCode == HttpStatusCode.OK
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/") == false);
        Assert.True(ok, $"{what}: expected the page, got {(int)response.StatusCode} {response.Headers.Location}");
    }
}
