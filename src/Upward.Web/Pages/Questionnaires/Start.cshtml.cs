using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.Questionnaires;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>What the questionnaire is, how long it takes, and where to start or carry on; says so when it is closed.</summary>
public sealed class StartModel(ProgrammeGate gate, UpwardDbContext db) : ProgrammePageModel(gate)
{
    [FromRoute(Name = "waveId")] public Guid WaveId { get; set; }
    public Questionnaire Questionnaire { get; private set; } = null!;
    public string ContinueUrl { get; private set; } = "";

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
        var baseUrl = $"/programmes/{ProgrammeId}/questionnaires/{WaveId}";
        ContinueUrl = Questionnaire.FirstUnanswered is { } next ? $"{baseUrl}/questions/{next.Key}" : $"{baseUrl}/check";
        return Page();
    }
}
