using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>Check your answers, change any, then send them once; a second send does nothing.</summary>
public sealed class CheckModel(UpwardDbContext db, TimeProvider clock) : AnsweringPageModel(db)
{

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        foreach (var item in Questionnaire.Items.Where(i => !Questionnaire.IsComplete(i)))
        {
            ModelState.AddModelError($"change-{item.Key}", $"Answer question {item.Position}: {item.Text}");
        }
        if (Questionnaire.Response is null || !ModelState.IsValid)
        {
            if (ModelState.IsValid) ModelState.AddModelError("", "Answer the questions before you send them");
            return Page();
        }
        // Only a draft becomes submitted, in one statement: two sends racing each other submit once,
        // and the audit entry is written in the same transaction as the change it records.
        var now = clock.GetUtcNow().UtcDateTime;
        var responseId = Questionnaire.Response.Id;
        await Db.WriteAtomicallyAsync(async ct =>
        {
            var changed = await Db.Responses
                .Where(r => r.Id == responseId && r.Status == ResponseStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ResponseStatus.Submitted).SetProperty(r => r.SubmittedAtUtc, now), ct);
            if (changed == 1)
            {
                // The subject is the response, never the person: the audit log must not link a name to answers.
                Db.Audit(AuditAction.QuestionnaireSubmitted, User.UserId(), Programme.OrganisationId, Programme.Id, responseId.ToString());
                await Db.SaveChangesAsync(ct);
            }
            return changed;
        }, ct);
        return Redirect(DoneUrl);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Questionnaire.IsSubmitted) return Redirect(DoneUrl);
        if (!Questionnaire.Wave.IsOpen) return Redirect(StartUrl);
        return null;
    }

    /// <summary>An answer as the participant would say it.</summary>
    public string Shown(InstrumentItem item)
    {
        var answers = Questionnaire.AnswersTo(item);
        if (answers.Count == 0) return item.Optional ? "Not answered" : "";
        var first = answers[0];
        return item.Type switch
        {
            ItemType.Scale => $"{first.Number} out of 5",
            ItemType.YesNo => (first.Number == 1 ? "Yes" : "No") + (string.IsNullOrEmpty(first.Text) ? "" : $": {first.Text}"),
            ItemType.SingleChoice => first.Text ?? "",
            ItemType.Minutes => $"{first.Number} {item.Unit ?? "minutes"}",
            ItemType.DomainGrid => string.Join("\n", Questionnaire.Domains.Select(d => $"{d.Name}: {answers.FirstOrDefault(a => a.DomainId == d.Id)?.Number?.ToString() ?? "not answered"}")),
            _ => first.Text ?? "",
        };
    }
}
