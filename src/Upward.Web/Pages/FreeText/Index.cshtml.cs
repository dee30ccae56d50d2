using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Web.Pages.Evaluation;
using Upward.Web.Paging;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>The programme's free-text answers by stage and question, each under a participant code and role only.</summary>
[Requires(ProgrammeCapability.RedactFreeText)]
public sealed class IndexModel(FreeTextAnswers answers, LargeProgrammes large) : ProgrammePageModel
{
    /// <summary>Answers on one page: enough to read through a question, few enough to stay quick with tens of thousands.</summary>
    public const int PageSize = 50;

    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    /// <summary>When browsing every question's answers: the answer the page starts just after, or ends just before.</summary>
    [FromQuery(Name = "after")] public Guid? After { get; set; }
    [FromQuery(Name = "before")] public Guid? Before { get; set; }

    /// <summary>
    /// Set when every question's answers of a large programme are shown: browsed a page at a time, before and after,
    /// without numbered pages (which would mean counting tens of thousands of answers on each view).
    /// </summary>
    public BrowsedAnswers? Browsed { get; private set; }

    /// <summary>Words in an answer, or a participant code, or part of one.</summary>
    [FromQuery(Name = "search")] public string? Search { get; set; }

    /// <summary>The value the question filter sends for every question's answers.</summary>
    public const string EveryQuestion = "every";

    /// <summary>What the question filter sent: a question's item id, <see cref="EveryQuestion"/>, or nothing.</summary>
    [FromQuery(Name = "question")] public string? Choice { get; set; }

    /// <summary>The one question whose answers are shown, or null for every question's.</summary>
    public Guid? Question { get; private set; }

    /// <summary>True when a large programme's list was opened at its first question because none was chosen.</summary>
    public bool OpenedAtFirstQuestion { get; private set; }

    public IReadOnlyList<FreeTextAnswers.Question> Questions { get; private set; } = [];
    public IReadOnlyList<FreeTextAnswer> Answers { get; private set; } = [];
    public ListPage Paging { get; private set; } = ListPage.Of(1, PageSize, 0);

    /// <summary>Set when the coder has just finished the last answer left to them.</summary>
    [BindProperty(SupportsGet = true)] public bool AllFinished { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Questions = await answers.QuestionsAsync(ProgrammeId, ct);
        if (Guid.TryParse(Choice, out var chosen) && Questions.Any(q => q.ItemId == chosen))
        {
            Question = chosen;
        }
        // Asked only when no question is chosen: a question's own list is the same whatever the programme's size.
        var isLarge = Question is null && await large.KeepsFiguresAsync(ProgrammeId, ct);
        var term = ListSearch.Term(Search);
        if (Question is null && Choice != EveryQuestion && isLarge)
        {
            // A large programme opens at its first question with answers: every question's list is tens of thousands
            // of answers, too many to order on each visit (seconds), and coders read a question at a time anyway.
            Question = await answers.FirstAnsweredAsync(ProgrammeId, Questions, ct);
            OpenedAtFirstQuestion = Question is not null;
        }
        // Otherwise every question; a stale or tampered choice shows them too rather than an error: nothing is lost by it.
        var withOriginals = May(ProgrammeCapability.ReadOriginalText);
        if (Question is null && term is null && isLarge)
        {
            Browsed = await answers.BrowseAsync(ProgrammeId, withOriginals, After, Before, PageSize, ct);
            Answers = Browsed.Answers;
            return Page();
        }
        (Paging, Answers) = await answers.PageAsync(ProgrammeId, withOriginals, PageNumber, PageSize, term, Question, ct);
        return Page();
    }
}
