using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>A questionnaire version's questions, for the coordinator to read and reword.</summary>
[Requires(ProgrammeCapability.ManageQuestionnaires)]
public sealed class InstrumentModel(UpwardDbContext db) : ProgrammePageModel
{
    [FromRoute(Name = "instrumentId")] public Guid InstrumentId { get; set; }
    public Instrument Instrument { get; private set; } = null!;
    public bool HasAnswers { get; private set; }
    public Guid? CurrentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var instrument = await db.Instruments.Include(i => i.Items.OrderBy(x => x.Position))
            .SingleOrDefaultAsync(i => i.Id == InstrumentId && i.ProgrammeId == ProgrammeId, ct);
        if (instrument is null)
        {
            return NotFound();
        }
        Instrument = instrument;
        HasAnswers = await InstrumentVersions.HasAnswersAsync(db, instrument.Id, ct);
        CurrentId = await db.Instruments.Where(i => i.ProgrammeId == ProgrammeId && i.Key == instrument.Key)
            .OrderByDescending(i => i.Version).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        return Page();
    }

    public static string Describe(InstrumentItem item) => item.Type switch
    {
        ItemType.Scale => $"1 to 5, from \u201c{item.LowLabel}\u201d to \u201c{item.HighLabel}\u201d",
        ItemType.DomainGrid => $"1 to 5 for each domain, from \u201c{item.LowLabel}\u201d to \u201c{item.HighLabel}\u201d, totalled",
        ItemType.YesNo => item.FollowUpText is null ? "Yes or no" : $"Yes or no, then \u201c{item.FollowUpText}\u201d",
        ItemType.SingleChoice => "One of: " + string.Join(", ", item.Choices),
        ItemType.Minutes => $"A number of {item.Unit ?? "minutes"} (0 to {AnswerRules.MinutesHighest})",
        _ => "Free text",
    };
}
