using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Preparation;

/// <summary>
/// The mentees' preparation module (receiving feedback from a junior colleague, the power gradient
/// from their side, confidentiality), with its self-check, as mentors have theirs. Getting every
/// answer right records it as done (once, audited). It is not part of allocation readiness: the
/// gate is about mentors, and a mentee's readiness was not asked for.
/// </summary>
[Requires(ProgrammeCapability.PrepareToBeMentored)]
public sealed class ForMenteesModel(UpwardDbContext db, PreparationQueries queries, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public List<int?> Answers { get; set; } = [];

    public PreparationQueries.Module Module { get; private set; } = null!;
    public string Html { get; private set; } = "";
    public bool Done { get; private set; }
    public IReadOnlyList<bool>? Marked { get; private set; }
    public bool JustCompleted { get; private set; }

    private Guid _enrolment;

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
        if (!Module.Text.AllRight(answers) || Done) return Page();
        var completion = new ModuleCompletion
        {
            ProgrammeId = ProgrammeId, EnrolmentId = _enrolment, ModuleKey = Module.Row.Key, ModuleVersion = Module.Row.Version, CompletedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        // Two tries sent at once record one completion, and one audit entry.
        await db.WriteAtomicallyAsync(async ct =>
        {
            if (await db.UpsertAsync([completion], c => new { c.EnrolmentId, c.ModuleKey }, update: null, ct) == 0) return 0;
            db.Audit(AuditAction.ModuleCompleted, User.UserId(), Programme.OrganisationId, ProgrammeId, $"module:{Module.Row.Key}:{Module.Row.Version}");
            return await db.SaveChangesAsync(ct);
        }, ct);
        JustCompleted = Done = true;
        return Page();
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var enrolment = await queries.MyEnrolmentAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct);
        if (enrolment is null) return RedirectToPage("/People/Consent", new { programmeId = ProgrammeId });
        _enrolment = enrolment.Id;
        var module = (await queries.ModulesAsync(Programme, ct)).FirstOrDefault(m => m.Row.Audience == ModuleAudience.Mentees);
        if (module is null) return NotFound();
        Module = module;
        while (Answers.Count < module.Text.Questions.Count) Answers.Add(null);
        Html = ModuleHtml.Render(module.Text.Body);
        Done = await db.ModuleCompletions.AnyAsync(c => c.EnrolmentId == enrolment.Id && c.ModuleKey == module.Row.Key, ct);
        return null;
    }
}
