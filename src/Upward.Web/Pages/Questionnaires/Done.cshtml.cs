using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.Questionnaires;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>Confirmation once answers are sent.</summary>
public sealed class DoneModel(ProgrammeGate gate, UpwardDbContext db) : ProgrammePageModel(gate)
{
    [FromRoute(Name = "waveId")] public Guid WaveId { get; set; }
    public Questionnaire Questionnaire { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.AnswerQuestionnaires, ct) is { } refused)
        {
            return refused;
        }
        var (questionnaire, refusal) = await Questionnaire.LoadAsync(db, Programme, User.UserId(), WaveId, ct);
        if (refusal == QuestionnaireRefusal.NotFound) return NotFound();
        if (refusal == QuestionnaireRefusal.NotYours) return Forbid();
        Questionnaire = questionnaire!;
        return Questionnaire.IsSubmitted ? Page() : Redirect($"/programmes/{ProgrammeId}/questionnaires/{WaveId}");
    }
}
