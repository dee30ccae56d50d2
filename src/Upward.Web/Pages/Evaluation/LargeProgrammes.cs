using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.Evaluation;

/// <summary>
/// Whether a programme is large enough for its slow figures (the evaluation, Table 1) to be kept between
/// views rather than calculated for each, by the one rule in <see cref="EvaluationOptions"/>.
/// </summary>
public sealed class LargeProgrammes(UpwardDbContext db, IOptions<EvaluationOptions> options)
{
    public TimeSpan MaxAge => options.Value.MaxAge;

    public async Task<bool> KeepsFiguresAsync(Guid programmeId, CancellationToken ct) =>
        await db.Responses.CountAsync(r => r.Status == ResponseStatus.Submitted && db.Waves.Any(w => w.Id == r.WaveId && w.ProgrammeId == programmeId), ct)
            >= options.Value.KeepFromResponses;
}
