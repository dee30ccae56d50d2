using Microsoft.AspNetCore.Mvc;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Preparation;

/// <summary>A mentor's preparation: their modules, self-assessment and induction, and whether they are ready to be paired.</summary>
[Requires(ProgrammeCapability.PrepareToMentor)]
public sealed class IndexModel(PreparationQueries queries) : ProgrammePageModel
{
    public IReadOnlyList<PreparationQueries.Module> Modules { get; private set; } = [];
    public PreparationQueries.MentorState? Me { get; private set; }
    public PreparationSettings Settings { get; private set; } = null!;

    public IActionResult OnGet() => Page();

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var enrolment = await queries.MyEnrolmentAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct);
        if (enrolment is null) return RedirectToPage("/People/Consent", new { programmeId = ProgrammeId });
        Me = (await queries.MentorsAsync(Programme, ct, enrolment.Id)).Single();
        Modules = [.. (await queries.ModulesAsync(Programme, ct)).Where(m => m.Row.Audience == ModuleAudience.AllMentors || m.Row.Audience == ModuleAudience.PatientMentors && Me.IsPatient)];
        Settings = await queries.SettingsAsync(ProgrammeId, ct);
        return null;
    }
}
