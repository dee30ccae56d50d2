using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Upward.Core.Auditing;
using Upward.Core.People;
using Upward.Core.Sessions;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.People;

/// <summary>A participant withdraws and chooses whether their answers are kept anonymised or erased (UK GDPR).</summary>
public sealed class WithdrawModel(UpwardDbContext db, TimeProvider clock) : ParticipationPageModel(db)
{
    [BindProperty] public WithdrawInput Input { get; set; } = new();

    public static readonly IReadOnlyList<RadioOption> Choices =
    [
        new(nameof(WithdrawalChoice.KeepAnonymised), "Keep them, under a code and never my name", "They may still count towards the programme's figures."),
        new(nameof(WithdrawalChoice.Erase), "Erase them", "Everything you gave that can be traced to you is deleted."),
    ];

    public sealed class WithdrawInput
    {
        [Required(ErrorMessage = "Select what should happen to your answers")]
        public WithdrawalChoice? Choice { get; set; }
    }

    /// <summary>Whether they sent anonymous feedback, which erasing cannot reach (the page says so before they choose).</summary>
    public bool SentAnonymousFeedback { get; private set; }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        if (await base.OnEnteredAsync(ct) is { } refused)
        {
            return refused;
        }
        var mine = MyEnrolments.Select(e => e.Id).ToList();
        SentAnonymousFeedback = await Db.AnonymousContributors.AnyAsync(c => mine.Contains(c.MentorEnrolmentId), ct);
        return null;
    }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var waves = await Db.Waves.Where(w => w.ProgrammeId == Programme.Id).Select(w => new { w.Id, w.Audience, w.Stage }).ToListAsync(ct);
        foreach (var enrolment in MyEnrolments)
        {
            // The first stage of their questionnaires they had not sent: the report keeps them for the earlier ones.
            var sent = await Db.Responses.Where(r => r.EnrolmentId == enrolment.Id && r.Status == ResponseStatus.Submitted).Select(r => r.WaveId).ToListAsync(ct);
            enrolment.WithdrawnAtStage = waves.Where(w => w.Audience == enrolment.Role && !sent.Contains(w.Id)).Select(w => (Stage?)w.Stage).OrderBy(s => s).FirstOrDefault();
            enrolment.Status = EnrolmentStatus.Withdrawn;
            enrolment.WithdrawnAtUtc = now;
            enrolment.WithdrawalChoice = Input.Choice;
            if (Input.Choice == WithdrawalChoice.Erase)
            {
                await EraseWhatTheyGaveAsync(enrolment, ct);
            }
            Db.Audit(AuditAction.Withdrawn, User.UserId(), Programme.OrganisationId, Programme.Id, $"enrolment:{enrolment.Id}");
        }
        await Db.SaveChangesAsync(ct);
        return RedirectToPage("/Withdrawn", null);
    }

    /// <summary>
    /// What the person told Upward about themselves beyond their answers (which the report and
    /// exports already leave out once erased). Consent decisions stay: they are the record of what
    /// was agreed, not something given.
    /// </summary>
    private async Task EraseWhatTheyGaveAsync(Enrolment enrolment, CancellationToken ct)
    {
        enrolment.Demographics = new DemographicBands();
        enrolment.Department = null;
        enrolment.Specialty = null;
        enrolment.TopicDomainIds = [];
        Db.MentorWishes.RemoveRange(await Db.MentorWishes.Where(w => w.MenteeEnrolmentId == enrolment.Id).ToListAsync(ct));
        Db.MentorDeclines.RemoveRange(await Db.MentorDeclines.Where(d => d.MenteeEnrolmentId == enrolment.Id).ToListAsync(ct));
        // A mentor's willingness carries their private reasons. Anonymous feedback they sent is not
        // here to erase: it was stored without their name, so nothing can find which it was.
        Db.Willingness.RemoveRange(await Db.Willingness.Where(w => w.MentorEnrolmentId == enrolment.Id).ToListAsync(ct));
        // A mentor's self-assessment (and what they wanted help with) and a mentee's reflection for
        // appraisal are their own words. Expenses claims stay: they are the programme's payment records.
        Db.SelfAssessments.RemoveRange(await Db.SelfAssessments.Where(s => s.EnrolmentId == enrolment.Id).ToListAsync(ct));
        Db.ReflectiveSummaries.RemoveRange(await Db.ReflectiveSummaries.Where(s => s.EnrolmentId == enrolment.Id).ToListAsync(ct));
        // Colleagues' addresses are the mentee's to erase; what colleagues wrote is anonymous and stays, like mentors' words.
        Db.ColleagueInvitations.RemoveRange(await Db.ColleagueInvitations.Where(i => i.MenteeEnrolmentId == enrolment.Id).ToListAsync(ct));
        // A best-fit reason can repeat their wish, department or topics.
        foreach (var pairing in await Db.Pairings.Where(p => p.MentorEnrolmentId == enrolment.Id || p.MenteeEnrolmentId == enrolment.Id).ToListAsync(ct))
        {
            pairing.Reason = Pairing.ReasonErased;
        }
    }
}
