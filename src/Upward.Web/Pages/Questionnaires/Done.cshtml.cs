using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>Confirmation once answers are sent.</summary>
public sealed class DoneModel(UpwardDbContext db) : AnsweringPageModel(db)
{

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        return Questionnaire.IsSubmitted ? Page() : Redirect(StartUrl);
    }
}
