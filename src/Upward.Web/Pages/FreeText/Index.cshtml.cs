using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Web.FreeText;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>The programme's free-text answers by stage and question, each under a participant code and role only.</summary>
public sealed class IndexModel(ProgrammeGate gate, FreeTextAnswers answers) : ProgrammePageModel(gate)
{
    public IReadOnlyList<FreeTextAnswer> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.RedactFreeText, ct) is { } refused)
        {
            return refused;
        }
        Answers = await answers.ListAsync(ProgrammeId, May(ProgrammeCapability.ReadOriginalText), ct);
        return Page();
    }
}
