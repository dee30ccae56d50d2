using Microsoft.EntityFrameworkCore;
using Upward.Data;
using Upward.Web.Paging;

namespace Upward.Web.Pages.Colleagues;

/// <summary>
/// One page of the mentees a colleague list is about (requests to approve, comments to read), found by
/// name or participant code and ordered by name, in the database: at 5,000 mentees the page reads only
/// the mentees it shows, and then only their requests or comments.
/// </summary>
internal static class MenteePage
{
    /// <summary>Mentees on one page; each can bring several cards with buttons, so fewer than a plain table's 50.</summary>
    public const int Size = 25;

    public sealed record Mentee(Guid EnrolmentId, string Name, string Code, string Email);

    /// <param name="menteeIds">The enrolment ids of the mentees the list is about, as a query (it is run inside this one).</param>
    public static async Task<(ListPage Page, IReadOnlyList<Mentee> Shown)> ReadAsync(
        UpwardDbContext db, IQueryable<Guid> menteeIds, string? search, int pageNumber, CancellationToken ct)
    {
        var term = ListSearch.Term(search);
        var mentees = db.Enrolments.Where(e => menteeIds.Contains(e.Id))
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, u.DisplayName, u.Email });
        if (term is not null)
        {
            mentees = mentees.Where(m => m.DisplayName.ToLower().Contains(term) || m.ParticipantCode.ToLower().Contains(term));
        }
        var page = ListPage.Of(pageNumber, Size, await mentees.CountAsync(ct));
        var shown = await mentees.OrderBy(m => m.DisplayName.ToLower()).ThenBy(m => m.DisplayName).ThenBy(m => m.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(m => new Mentee(m.Id, m.DisplayName, m.ParticipantCode, m.Email ?? ""))
            .ToListAsync(ct);
        return (page, shown);
    }
}
