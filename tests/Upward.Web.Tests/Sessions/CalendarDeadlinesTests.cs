using System.Net;
using System.Text.RegularExpressions;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Timeline;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Sessions;

/// <summary>A person's calendar subscription carries the last day of each questionnaire they still have to answer, from the programme's timeline.</summary>
public sealed partial class CalendarDeadlinesTests
{
    [Fact]
    public async Task The_subscription_has_an_all_day_event_on_the_last_day_of_each_questionnaire_still_to_answer()
    {
        using var factory = new UpwardFactory { Demo = true };
        var id = await factory.ProgrammeIdAsync();
        var wave = await factory.WithDbAsync(db => db.Waves.SingleAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforePhase1 && w.Audience == ProgrammeRole.Mentor));
        var waiting = await factory.WithDbAsync(db => db.Enrolments
            .Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor && e.Status == EnrolmentStatus.Consented
                && !db.Responses.Any(r => r.WaveId == wave.Id && r.EnrolmentId == e.Id && r.Status == ResponseStatus.Submitted))
            .Select(e => e.ParticipantCode).FirstAsync());
        var mentor = "mentor" + int.Parse(waiting[3..]);

        var coordinator = await factory.AsAsync("coordinator");
        var step = $"/programmes/{id}/timeline/{TimelineStep.BeforePhase1Questionnaire}";
        await coordinator.SubmitAsync(step, new Dictionary<string, string>
        {
            ["Input.Start.Day"] = "1", ["Input.Start.Month"] = "3", ["Input.Start.Year"] = "2027",
            ["Input.End.Day"] = "2", ["Input.End.Month"] = "4", ["Input.End.Year"] = "2027",
        });

        var client = await factory.AsAsync(mentor);
        var made = await (await client.SubmitAsync("/calendar-subscription", new Dictionary<string, string>(), "/calendar-subscription?handler=Create")).Content.ReadAsStringAsync();
        using var app = factory.CreateClient(new() { AllowAutoRedirect = false });
        var feed = await app.GetAsync(new Uri(Address().Match(made).Value).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var calendar = Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        var deadline = Assert.Single(calendar.Events, e => e.Summary!.StartsWith("Last day to answer: ", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2027, 4, 2), DateOnly.FromDateTime(deadline.DtStart!.Value));
        Assert.False(deadline.DtStart.HasTime);
        Assert.Equal("TRANSPARENT", deadline.Transparency);

        // Once answered, the deadline leaves the calendar.
        await factory.WithDbAsync(async db =>
        {
            var enrolment = await db.Enrolments.SingleAsync(e => e.ProgrammeId == id && e.ParticipantCode == waiting);
            var existing = await db.Responses.SingleOrDefaultAsync(r => r.WaveId == wave.Id && r.EnrolmentId == enrolment.Id);
            if (existing is null) db.Responses.Add(new Response { WaveId = wave.Id, EnrolmentId = enrolment.Id, InstrumentId = wave.InstrumentId, Status = ResponseStatus.Submitted });
            else existing.Status = ResponseStatus.Submitted;
            await db.SaveChangesAsync();
        });
        var after = Calendar.Load(await (await app.GetAsync(new Uri(Address().Match(made).Value).PathAndQuery)).Content.ReadAsStringAsync())!;
        Assert.DoesNotContain(after.Events, e => e.Summary!.StartsWith("Last day to answer: ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"http://[^\s<""]+/calendar/[A-Za-z0-9_-]{43}")]
    private static partial Regex Address();
}
