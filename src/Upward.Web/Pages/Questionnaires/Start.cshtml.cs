using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>What the questionnaire is, how long it takes, and where to start or carry on; says so when it is closed.</summary>
public sealed class StartModel(UpwardDbContext db) : AnsweringPageModel(db)
{
    public string ContinueUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ContinueUrl = Questionnaire.FirstUnanswered is { } next ? QuestionUrl(next.Key) : CheckUrl;
        return Page();
    }
}
