using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>The programme's free-text answers by stage and question, each under a participant code and role only.</summary>
[Requires(ProgrammeCapability.RedactFreeText)]
public sealed class IndexModel(FreeTextAnswers answers) : ProgrammePageModel
{
    public IReadOnlyList<FreeTextAnswer> Answers { get; private set; } = [];

    /// <summary>Set when the coder has just finished the last answer left to them.</summary>
    [BindProperty(SupportsGet = true)] public bool AllFinished { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Answers = await answers.ListAsync(ProgrammeId, May(ProgrammeCapability.ReadOriginalText), ct);
        return Page();
    }
}
