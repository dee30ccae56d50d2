using Microsoft.AspNetCore.Mvc;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Preparation;

/// <summary>
/// One preparation module: its reading, then its self-check. Each answer is marked with the reason
/// for the right one; getting them all right records the module as done (once, audited).
/// </summary>
[Requires(ProgrammeCapability.PrepareToMentor)]
public sealed class ModuleModel(UpwardDbContext db, PreparationQueries queries, TimeProvider clock) : ProgrammePageModel
{
    [FromRoute] public string Key { get; set; } = "";
    [BindProperty] public List<int?> Answers { get; set; } = [];

    public PreparationQueries.Module Module { get; private set; } = null!;
    public PreparationQueries.MentorState Me { get; private set; } = null!;
    public PreparationSettings Settings { get; private set; } = null!;
    public string Html { get; private set; } = "";

    /// <summary>After a try: whether each answer was right.</summary>
    public IReadOnlyList<bool>? Marked { get; private set; }
    public bool JustCompleted { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var questions = Module.Text.Questions;
        // A missing or tampered answer is a question not answered, never a 500.
        ModelState.Clear();
        var answers = Enumerable.Range(0, questions.Count)
            .Select(i => i < Answers.Count && Answers[i] is { } a && a >= 0 && a < questions[i].Options.Count ? a : (int?)null).ToList();
        for (var i = 0; i < questions.Count; i++)
        {
            if (answers[i] is null) ModelState.AddModelError($"Answers[{i}]", $"Select an answer to question {i + 1}");
        }
        Answers = answers;
        if (!ModelState.IsValid) return Page();

        Marked = [.. questions.Select((q, i) => answers[i] == q.RightOption)];
        if (!Module.Text.AllRight(answers) || Me.Completed.Contains(Key)) return Page();

        var completion = new ModuleCompletion
        {
            ProgrammeId = ProgrammeId, EnrolmentId = Me.EnrolmentId, ModuleKey = Key, ModuleVersion = Module.Row.Version, CompletedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        // Two tries sent at once record one completion, and one audit entry.
        await db.WriteAtomicallyAsync(async ct =>
        {
            if (await db.UpsertAsync([completion], c => new { c.EnrolmentId, c.ModuleKey }, update: null, ct) == 0) return 0;
            db.Audit(AuditAction.ModuleCompleted, User.UserId(), Programme.OrganisationId, ProgrammeId, $"module:{Key}:{Module.Row.Version}");
            return await db.SaveChangesAsync(ct);
        }, ct);
        JustCompleted = true;
        return Page();
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var enrolment = await queries.MyEnrolmentAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct);
        if (enrolment is null) return RedirectToPage("/People/Consent", new { programmeId = ProgrammeId });
        Me = (await queries.MentorsAsync(Programme, ct, enrolment.Id)).Single();
        var module = (await queries.ModulesAsync(Programme, ct)).SingleOrDefault(m => m.Key == Key);
        // A module for patient mentors is not shown to staff mentors, the mentees' module not to mentors, nor any module that does not exist.
        if (module is null || module.Row.Audience == ModuleAudience.PatientMentors && !Me.IsPatient || module.Row.Audience == ModuleAudience.Mentees) return NotFound();
        Module = module;
        // The form shows one radio group per question, answered or not.
        while (Answers.Count < module.Text.Questions.Count) Answers.Add(null);
        Html = ModuleHtml.Render(module.Text.Body);
        Settings = await queries.SettingsAsync(ProgrammeId, ct);
        return null;
    }
}
