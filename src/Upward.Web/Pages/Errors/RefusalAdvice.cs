using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Identity;

using Upward.Web.Programmes;

namespace Upward.Web.Pages.Errors;

/// <summary>
/// What a refused person should do next, in words that fit them: a participant refused a page of
/// their programme is told who runs it and sent back to its page; an administrator is told the page is
/// the programme's own people's; someone not enrolled is told to ask for an invitation; someone signed
/// out is sent to sign in. It names a programme only to someone the programme gate would show it to,
/// so an id typed into the address learns nothing the 404 did not already say.
/// </summary>
public sealed partial class RefusalAdvice(UpwardDbContext db, PageLinks pages)
{
    public sealed record Advice(IReadOnlyList<string> Paragraphs, string LinkHref, string LinkText);

    [GeneratedRegex("^/programmes/(?<id>[0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex ProgrammePath();

    /// <summary>Advice for a 403 (the person may not open <paramref name="path"/>).</summary>
    public async Task<Advice> ForbiddenAsync(ClaimsPrincipal user, string? path, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return SignIn(path);
        }
        if (await ProgrammeOfAsync(user, path, ct) is { } seen)
        {
            var lead = Lead(seen);
            if (seen.Roles.Count > 0)
            {
                var roles = string.Join(" and ", seen.Roles.Select(r => r.ToString().ToLowerInvariant()));
                return new Advice(
                    [$"You take part in {seen.Name} as {Article(roles)} {roles}. This page belongs to another part of the programme, so it is not open to you.",
                     .. lead is null ? Array.Empty<string>() : [$"{lead} If you think you need this page, ask them."],
                     "The programme page shows everything you can do now."],
                    pages.Programme(seen.Id, "/Programmes/Overview"), "Go to the programme page");
            }
            return new Advice(
                [$"As your organisation's administrator you can set up and run {seen.Name}, but this page is only for the people taking part in it, such as its coordinators and researchers.",
                 .. lead is null ? Array.Empty<string>() : [$"{lead} If you need this page, ask them to add you to the programme."]],
                pages.Programme(seen.Id, "/Programmes/Overview"), "Go to the programme page");
        }
        if (path is not null && (path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/programmes/new", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/programmes/import", StringComparison.OrdinalIgnoreCase)))
        {
            var admins = await AdministratorsAsync(user, ct);
            return new Advice(
                ["Only your organisation's administrators can open this page.",
                 .. admins.Count == 0 ? Array.Empty<string>() : [$"If you need something done here, ask {Names(admins)}."]],
                "/", "Go to your programmes");
        }
        return new Advice(["Your account does not have access to this page. If you think it should, contact your programme coordinator."], "/", "Go to your programmes");
    }

    /// <summary>Advice for a 404 on a programme's address: the same for a programme that does not exist and one the person is not in.</summary>
    public Advice? NotFound(ClaimsPrincipal user, string? path)
    {
        if (path is null || !ProgrammePath().IsMatch(path))
        {
            return null;
        }
        return user.Identity?.IsAuthenticated != true
            ? SignIn(path)
            : new Advice(
                ["If you expected to take part in a programme here, ask its coordinator to invite you. Once you accept the invitation, the programme is on your home page.",
                 "If you have withdrawn from a programme, its pages are no longer open to you."],
                "/", "Go to your programmes");
    }

    private Advice SignIn(string? path) =>
        new(["You need to sign in to open this page."], pages.Page("/Account/SignIn", new { ReturnUrl = path }), "Sign in");

    private sealed record SeenProgramme(Guid Id, string Name, IReadOnlyList<ProgrammeRole> Roles, IReadOnlyList<string> Coordinators, bool IsCoordinator);

    /// <summary>The programme in the path, if the person is in it or administers its organisation (as <c>ProgrammeGate</c> would let them see it).</summary>
    private async Task<SeenProgramme?> ProgrammeOfAsync(ClaimsPrincipal user, string? path, CancellationToken ct)
    {
        var match = path is null ? null : ProgrammePath().Match(path);
        if (match is not { Success: true } || !Guid.TryParse(match.Groups["id"].Value, out var id) || user.OrganisationOf() is not { } organisationId)
        {
            return null;
        }
        var programme = await db.Programmes.Where(p => p.Id == id && p.OrganisationId == organisationId).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        if (programme is null)
        {
            return null;
        }
        var userId = user.UserId();
        var roles = await db.Enrolments.Where(e => e.ProgrammeId == id && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn).Select(e => e.Role).ToListAsync(ct);
        if (roles.Count == 0 && !user.IsInRole(UpwardRoles.OrganisationAdmin))
        {
            return null;
        }
        var coordinators = await db.Enrolments
            .Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Coordinator && e.Status != EnrolmentStatus.Withdrawn && e.UserId != userId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName)
            .OrderBy(n => n).Take(3).ToListAsync(ct);
        return new SeenProgramme(programme.Id, programme.Name, roles, coordinators, roles.Contains(ProgrammeRole.Coordinator));
    }

    private async Task<IReadOnlyList<string>> AdministratorsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var organisationId = user.OrganisationOf();
        var adminRole = await db.Roles.Where(r => r.Name == UpwardRoles.OrganisationAdmin).Select(r => r.Id).SingleOrDefaultAsync(ct);
        return await db.Users.Where(u => u.OrganisationId == organisationId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole))
            .Select(u => u.DisplayName).OrderBy(n => n).Take(3).ToListAsync(ct);
    }

    private static string? Lead(SeenProgramme seen) => seen.Coordinators.Count == 0 ? null
        : seen.Coordinators.Count == 1 ? $"{seen.Name} is run by {seen.Coordinators[0]}."
        : $"{seen.Name} is run by {Names(seen.Coordinators, "and")}.";

    private static string Names(IReadOnlyList<string> names, string conjunction = "or") =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} {conjunction} {names[^1]}";

    private static string Article(string word) => "aeiou".Contains(char.ToLowerInvariant(word[0])) ? "an" : "a";
}
