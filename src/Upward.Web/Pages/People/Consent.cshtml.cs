using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.People;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.People;

/// <summary>Consent, kept apart for each purpose, each decision stored with its time and text version.</summary>
public sealed class ConsentModel(UpwardDbContext db, TimeProvider clock, PageLinks pages) : ParticipationPageModel(db)
{
    [BindProperty] public ConsentInput Input { get; set; } = new();

    public sealed class ConsentInput
    {
        [Required(ErrorMessage = "Select yes if you agree to take part")]
        public bool? TakePart { get; set; }

        [Required(ErrorMessage = "Select yes if your answers can be used in the evaluation")]
        public bool? UseAnswers { get; set; }

        [Required(ErrorMessage = "Select yes if we can quote your written answers anonymously")]
        public bool? Quote { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ids = MyEnrolments.Select(e => e.Id).ToList();
        var history = await Db.ConsentDecisions.Where(d => ids.Contains(d.EnrolmentId)).ToListAsync(ct);
        if (history.Count > 0)
        {
            var inForce = Consent.InForce(history);
            Input = new ConsentInput
            {
                TakePart = inForce.TryGetValue(ConsentPurpose.TakePart, out var t) ? t.Given : null,
                UseAnswers = inForce.TryGetValue(ConsentPurpose.UseAnswersInEvaluation, out var u) ? u.Given : null,
                Quote = inForce.TryGetValue(ConsentPurpose.QuoteAnonymously, out var q) ? q.Given : null,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.UserId();
        foreach (var enrolment in MyEnrolments)
        {
            foreach (var (purpose, given) in new[]
                     {
                         (ConsentPurpose.TakePart, Input.TakePart!.Value),
                         (ConsentPurpose.UseAnswersInEvaluation, Input.UseAnswers!.Value),
                         (ConsentPurpose.QuoteAnonymously, Input.Quote!.Value),
                     })
            {
                Db.ConsentDecisions.Add(new ConsentDecision
                {
                    EnrolmentId = enrolment.Id,
                    Purpose = purpose,
                    Given = given,
                    TextVersion = ConsentText.For(purpose).Version,
                    DecidedAtUtc = now,
                });
            }
            enrolment.Status = Consent.StatusAfter(enrolment.Status, Input.TakePart!.Value);
            Db.Audit(AuditAction.ConsentRecorded, userId, Programme.OrganisationId, Programme.Id, $"enrolment:{enrolment.Id}");
        }
        await Db.SaveChangesAsync(ct);
        return Redirect(Input.TakePart!.Value ? pages.Programme(Programme.Id, "/Programmes/Overview", new { consented = "1" }) : pages.Programme(Programme.Id, "/Programmes/Overview", new { declined = "1" }));
    }
}
