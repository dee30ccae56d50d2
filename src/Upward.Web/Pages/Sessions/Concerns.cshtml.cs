using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Paging;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// The concerns sent to the reader, open ones first and a page at a time — a coordinator sees those sent to the coordinators,
/// the named lead those sent to them — each acknowledged, answered and resolved here, every step
/// audited, the person who raised it told by email that there is an answer to read.
/// </summary>
[Requires(ProgrammeCapability.ReadConcerns)]
public sealed class ConcernsModel(UpwardDbContext db, Mailer mailer, PublicLinks links, TimeProvider clock, PageLinks pages) : ProgrammePageModel
{
    /// <summary>Concerns on one page: open ones come first, so the ones still to handle are on page 1.</summary>
    public const int PageSize = 20;

    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    public sealed record Row(Concern Concern, string From, string When);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ListPage Paging { get; private set; } = ListPage.Of(1, PageSize, 0);
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool ReadsAsCoordinator => ConcernRoutes.ReadBy(MyRoles).Contains(ConcernRoute.Coordinators);
    public bool ReadsAsNamedLead => ConcernRoutes.ReadBy(MyRoles).Contains(ConcernRoute.NamedLead);

    /// <summary>The concern whose answer failed its check, with the error and the words kept.</summary>
    public Guid? AnswerFor { get; private set; }
    public string? AnswerText { get; private set; }
    public string? AnswerError { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid concernId, CancellationToken ct) =>
        await ChangeAsync(concernId, AuditAction.ConcernAcknowledged, c => c.AcknowledgedAtUtc ??= Now, ct);

    public async Task<IActionResult> OnPostResolveAsync(Guid concernId, CancellationToken ct) =>
        await ChangeAsync(concernId, AuditAction.ConcernResolved, c =>
        {
            c.AcknowledgedAtUtc ??= Now;
            c.ResolvedAtUtc ??= Now;
        }, ct);

    public async Task<IActionResult> OnPostAnswerAsync(Guid concernId, string? answer, CancellationToken ct)
    {
        var concern = await ForThisReaderAsync(concernId, ct);
        if (concern is null) return NotFound();
        var error = string.IsNullOrWhiteSpace(answer) ? "Enter your answer"
            : answer.Trim().Length > Concern.TextMaxLength ? $"Your answer must be {Concern.TextMaxLength:N0} characters or fewer"
            : null;
        if (error is not null)
        {
            (AnswerFor, AnswerText, AnswerError) = (concernId, answer, error);
            ModelState.AddModelError($"answer-{concernId}", error);
            return Page();
        }
        await ChangeAsync(concernId, AuditAction.ConcernAnswered, c =>
        {
            c.AcknowledgedAtUtc ??= Now;
            c.Response = answer!.Trim();
            c.RespondedAtUtc = Now;
        }, ct);
        var raiser = await db.Enrolments.Where(e => e.Id == concern.RaisedByEnrolmentId).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
        if (raiser?.Email is { } email)
        {
            await mailer.SendAsync(Programme.OrganisationId, Messages.ConcernAnswered(email, raiser.DisplayName, Programme.Name, links.To(pages.Programme(ProgrammeId, "/Sessions/Concern")),
                byNamedLead: concern.Route == ConcernRoute.NamedLead), ct);
        }
        return RedirectToPage("/Sessions/Concerns", new { programmeId = ProgrammeId, pageNumber = PageNumber });
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> ChangeAsync(Guid concernId, string action, Action<Concern> change, CancellationToken ct)
    {
        var concern = await ForThisReaderAsync(concernId, ct);
        if (concern is null) return NotFound();
        change(concern);
        db.Audit(action, User.UserId(), Programme.OrganisationId, Programme.Id, $"concern:{concern.Id}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Sessions/Concerns", new { programmeId = ProgrammeId, pageNumber = PageNumber });
    }

    /// <summary>One concern sent to this reader, wherever it is in the list; null for any other (another route, programme or none).</summary>
    private Task<Concern?> ForThisReaderAsync(Guid concernId, CancellationToken ct)
    {
        var routes = ConcernRoutes.ReadBy(MyRoles);
        return db.Concerns.SingleOrDefaultAsync(c => c.Id == concernId && c.ProgrammeId == ProgrammeId && routes.Contains(c.Route), ct);
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        // Only the concerns sent to this reader: a concern for the named lead never reaches the coordinators, nor the other way round.
        var routes = ConcernRoutes.ReadBy(MyRoles);
        var mine = db.Concerns.Where(c => c.ProgrammeId == ProgrammeId && routes.Contains(c.Route));
        Paging = ListPage.Of(PageNumber, PageSize, await mine.CountAsync(ct));
        PageNumber = Paging.Number;
        var concerns = await mine.OrderBy(c => c.ResolvedAtUtc != null).ThenByDescending(c => c.RaisedAtUtc).ThenBy(c => c.Id)
            .Skip(Paging.Skip).Take(Paging.Size).ToListAsync(ct);
        var ids = concerns.Select(c => c.RaisedByEnrolmentId).ToList();
        var from = await db.Enrolments.Where(e => ids.Contains(e.Id)).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, u.DisplayName })
            .ToDictionaryAsync(x => x.Id, x => $"{x.DisplayName} ({x.ParticipantCode})", ct);
        Rows = concerns.Select(c => new Row(c, from.GetValueOrDefault(c.RaisedByEnrolmentId) ?? "a former participant", SessionTimes.Local(c.RaisedAtUtc, Zone)))
            .ToList();
        return null;
    }
}
