using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Notifications;

/// <summary>A coordinator words a kind of notification for their programme, previews it, and goes back to the standard wording.</summary>
public sealed class NotificationTextsTests
{
    [Fact]
    public async Task A_programmes_own_wording_is_previewed_checked_used_for_new_notifications_and_can_be_undone()
    {
        using var factory = new UpwardFactory { Demo = true, Clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.Zero)) };
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var page = $"/programmes/{id}/notification-texts/{NotificationKind.AnswerReminder}";
        var form = new Dictionary<string, string>
        {
            ["Subject"] = "Nearly there, {name}: {what}",
            ["Body"] = "Hello from the {programme} team. \"{what}\" takes ten minutes{until}.",
        };

        var preview = await (await coordinator.SubmitAsync(page, form, page + "?handler=Preview")).Content.ReadAsStringAsync();
        Assert.Contains("Nearly there, Alex Morgan: Mentors: after phase 1", WebUtility.HtmlDecode(preview));
        Assert.Empty(await factory.WithDbAsync(db => db.NotificationTexts.ToListAsync()));

        var typo = await (await coordinator.SubmitAsync(page, new Dictionary<string, string>(form) { ["Body"] = "See you {wen}." }, page + "?handler=Save")).Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", typo);
        Assert.Contains("{wen} is not a placeholder Upward knows", WebUtility.HtmlDecode(typo));
        var empty = await (await coordinator.SubmitAsync(page, new Dictionary<string, string>(), page + "?handler=Save")).Content.ReadAsStringAsync();
        Assert.Contains("Enter a subject line", empty);
        Assert.Contains("Enter the message", empty);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(page, form, page + "?handler=Save")).StatusCode);
        Assert.Single(await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.NotificationTextChanged).ToListAsync()));

        // The next reminder is in the programme's words, filled in for each person.
        var wave = await factory.WithDbAsync(db => db.Waves.FirstAsync(w => w.ProgrammeId == id && w.IsOpen));
        await coordinator.SubmitAsync($"/programmes/{id}/questionnaires", new Dictionary<string, string>(), $"/programmes/{id}/questionnaires?handler=Remind&waveId={wave.Id}");
        var reminders = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.AnswerReminder)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { n.Subject, n.Body, u.DisplayName }).ToListAsync());
        Assert.NotEmpty(reminders);
        Assert.All(reminders, r => Assert.StartsWith($"Nearly there, {r.DisplayName}: ", r.Subject));
        Assert.All(reminders, r => Assert.StartsWith("Hello from the ", r.Body));

        // Back to the standard wording; a kind that cannot be reworded, and a made-up one, are not found.
        await coordinator.SubmitAsync(page, new Dictionary<string, string>(), page + "?handler=Standard");
        Assert.Empty(await factory.WithDbAsync(db => db.NotificationTexts.ToListAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/programmes/{id}/notification-texts/{NotificationKind.ConcernRaised}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/programmes/{id}/notification-texts/Nonsense")).StatusCode);

        // Nobody else words the programme's notifications.
        foreach (var who in new[] { "mentor1", "mentee1", "facilitator" })
        {
            DemoPeople.AssertRefused(await (await factory.AsAsync(who)).GetAsync(page), who);
        }
    }
}
