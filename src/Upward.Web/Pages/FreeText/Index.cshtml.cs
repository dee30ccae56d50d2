using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Web.Paging;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>The programme's free-text answers by stage and question, each under a participant code and role only.</summary>
[Requires(ProgrammeCapability.RedactFreeText)]
public sealed class IndexModel(FreeTextAnswers answers) : ProgrammePageModel
{
    /// <summary>Answers on one page: enough to read through a question, few enough to stay quick with tens of thousands.</summary>
    public const int PageSize = 50;

    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    /// <summary>Words in an answer, or a participant code, or part of one.</summary>
    [FromQuery(Name = "search")] public string? Search { get; set; }

    /// <summary>One question's answers only (its item id), or every question's when empty or not one of the programme's.</summary>
    [FromQuery(Name = "question")] public Guid? Question { get; set; }

    public IReadOnlyList<FreeTextAnswers.Question> Questions { get; private set; } = [];
    public IReadOnlyList<FreeTextAnswer> Answers { get; private set; } = [];
    public ListPage Paging { get; private set; } = ListPage.Of(1, PageSize, 0);

    /// <summary>Set when the coder has just finished the last answer left to them.</summary>
    [BindProperty(SupportsGet = true)] public bool AllFinished { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Questions = await answers.QuestionsAsync(ProgrammeId, ct);
        if (Questions.All(q => q.ItemId != Question))
        {
            // A stale or tampered choice shows every question rather than an error: nothing is lost by it.
            Question = null;
        }
        (Paging, Answers) = await answers.PageAsync(ProgrammeId, May(ProgrammeCapability.ReadOriginalText), PageNumber, PageSize, ListSearch.Term(Search), Question, ct);
        return Page();
    }
}
