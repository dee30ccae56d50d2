using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Demo;

/// <summary>
/// Submitted answers from five mentors after the group feedback session, in our own words but along
/// the study's themes (hierarchy, who volunteers, a different perspective, new ideas), so a researcher
/// has something to code. Mentor 3 is left out because the questionnaire tests answer that wave as them,
/// and the before-phase-1 wave is left empty for the same reason. MR-06 did not agree to be quoted.
/// </summary>
public static class DemoFreeText
{
    private static readonly (string Code, string? Worry, string Comment, bool MayQuote)[] Answers =
    [
        ("MR-01", "The hierarchy is still there. Telling a consultant what I think of their teaching could come back to me at my next review.",
            "Talking it through as a group made it feel less risky. Juniors see things on the ward that seniors never do: a different perspective worth having.", true),
        ("MR-02", "The seniors who signed up are probably the ones who already listen, so the people who most need it are not here.",
            "It gave me new ideas for how our handover teaching could run.", true),
        ("MR-04", null,
            "I worried about the hierarchy less once I knew the feedback went through the facilitator, but Dr Lee on Ward 7 will still guess it was me.", true),
        ("MR-05", "Only keen consultants volunteer, so the results may look better than they would across the department.",
            "Seeing the job from the other side was eye-opening; I had not realised how much the seniors want to hear from us.", true),
        ("MR-06", "Being honest with someone who will write my reference is hard.",
            "Some good new ideas came up for making rota feedback anonymous.", false),
    ];

    public static async Task LoadAsync(UpwardDbContext db, Guid programmeId, DateTime nowUtc, CancellationToken ct)
    {
        var wave = await db.Waves.SingleAsync(w => w.ProgrammeId == programmeId && w.Audience == ProgrammeRole.Mentor && w.Stage == Stage.AfterPhase1, ct);
        var items = await db.InstrumentItems.Where(i => i.InstrumentId == wave.InstrumentId).OrderBy(i => i.Position).ToListAsync(ct);
        var domains = await db.ProgrammeDomains.Where(d => d.ProgrammeId == programmeId).Select(d => d.Id).ToListAsync(ct);
        var enrolments = await db.Enrolments.Where(e => e.ProgrammeId == programmeId && e.Role == ProgrammeRole.Mentor).ToDictionaryAsync(e => e.ParticipantCode, ct);
        var submitted = nowUtc.AddDays(-2);
        var n = 0;
        foreach (var (code, worry, comment, mayQuote) in Answers)
        {
            var enrolment = enrolments[code];
            // Consent (MR-06 did not agree to be quoted) is recorded for everyone by DemoProgramme.
            var response = new Response
            {
                WaveId = wave.Id, EnrolmentId = enrolment.Id, InstrumentId = wave.InstrumentId, Status = ResponseStatus.Submitted,
                StartedAtUtc = submitted, UpdatedAtUtc = submitted, SubmittedAtUtc = submitted,
            };
            db.Responses.Add(response);
            n++;
            foreach (var item in items)
            {
                switch (item.Type)
                {
                    case ItemType.DomainGrid:
                        db.Answers.AddRange(domains.Select((d, i) => new Answer { ResponseId = response.Id, ItemId = item.Id, DomainId = d, Number = 2 + (i + n) % 4 }));
                        break;
                    case ItemType.Scale:
                        db.Answers.Add(new Answer { ResponseId = response.Id, ItemId = item.Id, Number = 3 + n % 3 });
                        break;
                    case ItemType.YesNo:
                        db.Answers.Add(new Answer { ResponseId = response.Id, ItemId = item.Id, Number = worry is null ? 0 : 1, Text = worry });
                        break;
                    case ItemType.FreeText:
                        db.Answers.Add(new Answer { ResponseId = response.Id, ItemId = item.Id, Text = comment });
                        break;
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
