using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.People;

/// <summary>
/// A page about the signed-in person's own participation in a programme (consent, about you,
/// what is held, withdrawal). A person with two roles in one programme manages both enrolments together.
/// </summary>
[Requires(ProgrammeCapability.TakePart)]
public abstract class ParticipationPageModel(UpwardDbContext db) : ProgrammePageModel
{
    public IReadOnlyList<Enrolment> MyEnrolments { get; private set; } = [];

    protected UpwardDbContext Db => db;

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        MyEnrolments = await db.Enrolments
            .Where(e => e.ProgrammeId == ProgrammeId && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn)
            .OrderBy(e => e.Role)
            .ToListAsync(ct);
        return MyEnrolments.Count == 0 ? NotFound() : null;
    }
}
