using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>
/// A page of answering one questionnaire (start, a question, check, done). Before every handler,
/// <see cref="OnEnteredAsync"/> finds the signed-in person's own response only:
/// another person's response, or a wave of another programme, is never reachable.
/// </summary>
[Requires(ProgrammeCapability.AnswerQuestionnaires)]
public abstract class AnsweringPageModel(UpwardDbContext db) : ProgrammePageModel
{
    [FromRoute(Name = "waveId")] public Guid WaveId { get; set; }

    public Questionnaire Questionnaire { get; private set; } = null!;

    /// <summary>The questionnaire's start page; it and the pages below are addressed by the router from their names.</summary>
    public string StartUrl => QuestionnairePage("/Questionnaires/Start");
    public string CheckUrl => QuestionnairePage("/Questionnaires/Check");
    public string DoneUrl => QuestionnairePage("/Questionnaires/Done");

    /// <summary>One question's page; <paramref name="change"/> when coming from the answers to check.</summary>
    public string QuestionUrl(string itemKey, bool change = false) =>
        Url.Page("/Questionnaires/Question", new { programmeId = ProgrammeId, waveId = WaveId, itemKey, change = change ? "true" : null })
            ?? throw new InvalidOperationException($"No address for question {itemKey}");

    private string QuestionnairePage(string page) =>
        Url.Page(page, new { programmeId = ProgrammeId, waveId = WaveId }) ?? throw new InvalidOperationException($"No address for {page}");

    protected UpwardDbContext Db => db;

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var (questionnaire, refusal) = await Questionnaire.LoadAsync(db, Programme, User.UserId(), WaveId, ct);
        if (refusal == QuestionnaireRefusal.NotFound) return NotFound();
        if (refusal == QuestionnaireRefusal.NotYours) return Forbid();
        Questionnaire = questionnaire!;
        return null;
    }
}
