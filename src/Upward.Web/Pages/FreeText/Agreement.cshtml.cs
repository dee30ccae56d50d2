using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>
/// How far two coders agree (Cohen's kappa per theme and overall, over the answers both have finished),
/// and where they differ, with a way to settle each difference.
/// </summary>
[Requires(ProgrammeCapability.CodeFreeText)]
public sealed class AgreementModel(UpwardDbContext db, FreeTextAnswers answers, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CoderA { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CoderB { get; set; }

    /// <summary>Researchers who have coded, by participant code: coders are never shown by name.</summary>
    public IReadOnlyList<(Guid Id, string Code)> Coders { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public Agreement.Summary? Result { get; private set; }
    public IReadOnlyList<Difference> Differences { get; private set; } = [];

    public sealed record Difference(FreeTextAnswer Answer, Theme Theme, Guid SaidYes, Guid SaidNo);

    public string CodeOf(Guid coder) => Coders.FirstOrDefault(c => c.Id == coder).Code ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        return Page();
    }

    /// <summary>Settle one difference: both coders end up saying the theme applies, or neither does.</summary>
    public async Task<IActionResult> OnPostSettleAsync(Guid answerId, Guid themeId, bool apply, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Differences.SingleOrDefault(d => d.Answer.AnswerId == answerId && d.Theme.Id == themeId) is not { } difference)
        {
            return NotFound();
        }
        if (apply)
        {
            db.Codings.Add(new Coding
            {
                ProgrammeId = ProgrammeId, AnswerId = answerId, ThemeId = themeId, CoderEnrolmentId = difference.SaidNo, CodedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            db.Codings.RemoveRange(db.Codings.Where(c => c.AnswerId == answerId && c.ThemeId == themeId && c.CoderEnrolmentId == difference.SaidYes));
        }
        db.Audit(AuditAction.CodingSettled, User.UserId(), Programme.OrganisationId, Programme.Id, $"{answerId} {themeId} {(apply ? "applied" : "removed")}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/FreeText/Agreement", new { programmeId = ProgrammeId, CoderA, CoderB });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Coders = (await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Role == ProgrammeRole.Researcher)
                .Select(e => new { e.Id, e.ParticipantCode }).ToListAsync(ct))
            .OrderBy(e => e.ParticipantCode, StringComparer.Ordinal).Select(e => (e.Id, e.ParticipantCode)).ToList();
        Themes = await ThemeList.OfAsync(db, ProgrammeId, ct);
        if (CoderA is null || CoderB is null)
        {
            return null;
        }
        if (Coders.All(c => c.Id != CoderA) || Coders.All(c => c.Id != CoderB))
        {
            return NotFound();
        }
        if (CoderA == CoderB)
        {
            ModelState.AddModelError(nameof(CoderB), "Choose two different coders");
            return null;
        }
        var visible = (await answers.ListAsync(ProgrammeId, withOriginals: false, ct)).ToDictionary(a => a.AnswerId);
        var a = CoderA.Value;
        var b = CoderB.Value;
        var codings = (await db.Codings.Where(c => c.ProgrammeId == ProgrammeId && (c.CoderEnrolmentId == a || c.CoderEnrolmentId == b)).ToListAsync(ct))
            .Where(c => visible.ContainsKey(c.AnswerId)).ToList();
        var finished = await db.CodingsFinished.Where(f => f.ProgrammeId == ProgrammeId && (f.CoderEnrolmentId == a || f.CoderEnrolmentId == b)).ToListAsync(ct);
        var byA = finished.Where(f => f.CoderEnrolmentId == a && visible.ContainsKey(f.AnswerId)).Select(f => f.AnswerId).ToHashSet();
        var byB = finished.Where(f => f.CoderEnrolmentId == b && visible.ContainsKey(f.AnswerId)).Select(f => f.AnswerId).ToHashSet();
        Result = Agreement.Between(codings, a, b, byA, byB, Themes.Select(t => t.Id).ToList());

        var differences = new List<Difference>();
        foreach (var answerId in byA.Intersect(byB).OrderBy(id => visible[id].ParticipantCode, StringComparer.Ordinal))
        {
            foreach (var theme in Themes)
            {
                var yesA = codings.Any(c => c.AnswerId == answerId && c.ThemeId == theme.Id && c.CoderEnrolmentId == a);
                var yesB = codings.Any(c => c.AnswerId == answerId && c.ThemeId == theme.Id && c.CoderEnrolmentId == b);
                if (yesA != yesB)
                {
                    differences.Add(new Difference(visible[answerId], theme, yesA ? a : b, yesA ? b : a));
                }
            }
        }
        Differences = differences;
        return null;
    }
}
