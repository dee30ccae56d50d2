using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Questionnaires;

/// <summary>
/// A page of answering one questionnaire (start, a question, check, done). Every handler calls
/// <see cref="EnterQuestionnaireAsync"/>, which finds the signed-in person's own response only:
/// another person's response, or a wave of another programme, is never reachable.
/// </summary>
public abstract class AnsweringPageModel(ProgrammeGate gate, UpwardDbContext db) : ProgrammePageModel(gate)
{
    [FromRoute(Name = "waveId")] public Guid WaveId { get; set; }

    public Questionnaire Questionnaire { get; private set; } = null!;

    public string BaseUrl => $"/programmes/{ProgrammeId}/questionnaires/{WaveId}";

    protected UpwardDbContext Db => db;

    protected async Task<IActionResult?> EnterQuestionnaireAsync(CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.AnswerQuestionnaires, ct) is { } refused)
        {
            return refused;
        }
        var (questionnaire, refusal) = await Questionnaire.LoadAsync(db, Programme, User.UserId(), WaveId, ct);
        if (refusal == QuestionnaireRefusal.NotFound) return NotFound();
        if (refusal == QuestionnaireRefusal.NotYours) return Forbid();
        Questionnaire = questionnaire!;
        return null;
    }
}
