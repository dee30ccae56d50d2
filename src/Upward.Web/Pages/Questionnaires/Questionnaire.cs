using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.Questionnaires;

public enum QuestionnaireRefusal { None, NotFound, NotYours }

/// <summary>
/// One participant's view of one wave: the wave, their enrolment, the version they answer, their
/// draft or submitted response and its answers. Only ever loaded for the signed-in user's own
/// enrolment, which is why no page can reach someone else's response.
/// </summary>
public sealed class Questionnaire
{
    public required Wave Wave { get; init; }
    public required Enrolment Enrolment { get; init; }
    public required Instrument Instrument { get; init; }
    public required IReadOnlyList<ProgrammeDomain> Domains { get; init; }
    public Response? Response { get; init; }
    public IReadOnlyList<Answer> Answers { get; init; } = [];

    public IReadOnlyList<InstrumentItem> Items => Instrument.Items;
    public IReadOnlyList<Guid> DomainIds => Domains.Select(d => d.Id).ToList();
    public bool IsSubmitted => Response?.Status == ResponseStatus.Submitted;

    public IReadOnlyList<Answer> AnswersTo(InstrumentItem item) => Answers.Where(a => a.ItemId == item.Id).ToList();
    public bool IsAnswered(InstrumentItem item) => AnswersTo(item).Count > 0;
    public bool IsComplete(InstrumentItem item) => AnswerRules.IsComplete(item, AnswersTo(item), DomainIds);

    public InstrumentItem? ItemFor(string key) => Items.FirstOrDefault(i => i.Key == key);
    public InstrumentItem? After(InstrumentItem item) => Items.FirstOrDefault(i => i.Position > item.Position);
    public InstrumentItem? Before(InstrumentItem item) => Items.LastOrDefault(i => i.Position < item.Position);

    /// <summary>Where to carry on: the question after the furthest one answered, else the first still needed; null when none is.</summary>
    public InstrumentItem? FirstUnanswered =>
        Items.LastOrDefault(IsAnswered) is { } furthest && After(furthest) is { } next ? next
        : Items.FirstOrDefault(i => !IsComplete(i) || (!IsAnswered(i) && !Items.Any(IsAnswered)));

    /// <summary>
    /// Loads the wave for the signed-in user. A draft begun on an older version moves to the wave's
    /// current version here, carrying its answers over by item key, so nothing saved is lost.
    /// </summary>
    public static async Task<(Questionnaire? Questionnaire, QuestionnaireRefusal Refusal)> LoadAsync(
        UpwardDbContext db, Programme programme, Guid userId, Guid waveId, CancellationToken ct)
    {
        // Three queries, not six: the wave with the person's enrolment in its audience and whether it applies
        // to them, then their response with its answers, then the version they answer. Every questionnaire page
        // and every save loads this, and each query is a round trip to the database.
        var found = await (from w in db.Waves.Where(w => w.Id == waveId && w.ProgrammeId == programme.Id)
                           join consented in db.Enrolments.Where(e => e.UserId == userId && e.Status == EnrolmentStatus.Consented)
                               on new { w.ProgrammeId, Role = w.Audience } equals new { consented.ProgrammeId, consented.Role } into theirs
                           from e in theirs.DefaultIfEmpty()
                           select new
                           {
                               Wave = w,
                               Enrolment = e,
                               EverPaired = e != null && db.EverPaired().Contains(e.Id),
                               ToldTheyWait = e != null && w.Stage == Stage.BeforeAgain && db.ToldTheyWait().Contains(e.Id),
                           }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return (null, QuestionnaireRefusal.NotFound);
        }
        var (wave, enrolment) = (found.Wave, found.Enrolment);
        if (enrolment is null)
        {
            return (null, QuestionnaireRefusal.NotYours);
        }
        if (!StageApplicability.AppliesTo(wave.Stage, found.EverPaired, found.ToldTheyWait))
        {
            // About a one-to-one they never had, or the waiting list's questionnaire for someone not told they wait: not theirs to answer.
            return (null, QuestionnaireRefusal.NotYours);
        }
        var theirResponse = await db.Responses.Where(r => r.WaveId == wave.Id && r.EnrolmentId == enrolment.Id)
            .Select(r => new { Response = r, Answers = db.Answers.Where(a => a.ResponseId == r.Id).ToList() })
            .SingleOrDefaultAsync(ct);
        var response = theirResponse?.Response;
        var answers = theirResponse?.Answers ?? [];
        if (response is { Status: ResponseStatus.Draft } && response.InstrumentId != wave.InstrumentId)
        {
            await MoveToCurrentVersionAsync(db, response, answers, wave.InstrumentId, ct);
        }
        var instrumentId = response?.InstrumentId ?? wave.InstrumentId;
        var instrument = await db.Instruments.Include(i => i.Items.OrderBy(x => x.Position)).SingleAsync(i => i.Id == instrumentId, ct);
        return (new Questionnaire
        {
            Wave = wave,
            Enrolment = enrolment,
            Instrument = instrument,
            Domains = programme.Domains.OrderBy(d => d.Position).ToList(),
            Response = response,
            Answers = answers,
        }, QuestionnaireRefusal.None);
    }

    private static async Task MoveToCurrentVersionAsync(UpwardDbContext db, Response response, List<Answer> answers, Guid currentId, CancellationToken ct)
    {
        var oldItems = await db.InstrumentItems.Where(i => i.InstrumentId == response.InstrumentId).ToDictionaryAsync(i => i.Id, ct);
        var newItems = await db.InstrumentItems.Where(i => i.InstrumentId == currentId).ToListAsync(ct);
        foreach (var answer in answers)
        {
            if (oldItems.TryGetValue(answer.ItemId, out var old) && newItems.FirstOrDefault(n => n.Key == old.Key && n.Type == old.Type) is { } match)
            {
                answer.ItemId = match.Id;
            }
        }
        response.InstrumentId = currentId;
        await db.SaveChangesAsync(ct);
    }
}
