using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Timeline;

/// <summary>The programme's timeline: its steps in order with their dates, which open and close the questionnaires.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class IndexModel(UpwardDbContext db) : ProgrammePageModel
{
    public IReadOnlyList<TimelineEntry> Steps { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Zone = LocalTimes.Zone(Programme.TimeZone);
        Steps = await TimelineQuery.StepsAsync(db, Programme, ct);
        return Page();
    }
}
