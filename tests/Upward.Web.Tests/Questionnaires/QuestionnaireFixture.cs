using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Questionnaires;

/// <summary>Shortcuts over the demo programme's questionnaires for the HTTP tests.</summary>
public static class QuestionnaireFixture
{
    public static async Task<Guid> WaveIdAsync(this UpwardFactory factory, ProgrammeRole audience, Stage stage, bool open = true)
    {
        var programmeId = await factory.ProgrammeIdAsync();
        return await factory.WithDbAsync(async db =>
        {
            var wave = await db.Waves.SingleAsync(w => w.ProgrammeId == programmeId && w.Audience == audience && w.Stage == stage);
            if (open && !wave.IsOpen)
            {
                wave.Open(DateTime.UtcNow);
                await db.SaveChangesAsync();
            }
            return wave.Id;
        });
    }

    /// <summary>
    /// Pairs two demo people (the demo has no pairs yet), so the questionnaires about the one-to-one
    /// are put to them. Does nothing when either is already paired.
    /// </summary>
    public static async Task PairAsync(this UpwardFactory factory, string mentor, string mentee)
    {
        var programmeId = await factory.ProgrammeIdAsync();
        await factory.WithDbAsync(async db =>
        {
            Guid EnrolmentOf(string who, ProgrammeRole role) =>
                db.Enrolments.Single(e => e.ProgrammeId == programmeId && e.Role == role && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(who))).Id;
            var mentorId = EnrolmentOf(mentor, ProgrammeRole.Mentor);
            var menteeId = EnrolmentOf(mentee, ProgrammeRole.Mentee);
            if (await db.Pairings.AnyAsync(p => p.MentorEnrolmentId == mentorId || p.MenteeEnrolmentId == menteeId)) return;
            db.Pairings.Add(new Upward.Core.Sessions.Pairing { ProgrammeId = programmeId, MentorEnrolmentId = mentorId, MenteeEnrolmentId = menteeId, CreatedAtUtc = DateTime.UtcNow, Reason = "Test pairing" });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>The current items of a wave, in order, and the programme's domain ids.</summary>
    public static async Task<(List<InstrumentItem> Items, List<Guid> Domains)> ItemsAsync(this UpwardFactory factory, Guid waveId) =>
        await factory.WithDbAsync(async db =>
        {
            var wave = await db.Waves.SingleAsync(w => w.Id == waveId);
            var items = await db.InstrumentItems.Where(i => i.InstrumentId == wave.InstrumentId).OrderBy(i => i.Position).ToListAsync();
            var domains = await db.ProgrammeDomains.Where(d => d.ProgrammeId == wave.ProgrammeId).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync();
            return (items, domains);
        });

    /// <summary>A valid answer for any item type, as the page's form would post it.</summary>
    public static Dictionary<string, string> ValidFields(InstrumentItem item, IReadOnlyList<Guid> domains, int rating = 4)
    {
        var fields = new Dictionary<string, string>();
        switch (item.Type)
        {
            case ItemType.Scale: fields["Value"] = rating.ToString(); break;
            case ItemType.DomainGrid:
                for (var i = 0; i < domains.Count; i++) fields[$"Domains[{domains[i]}]"] = ((i % 5) + 1).ToString();
                break;
            case ItemType.YesNo: fields["Value"] = "yes"; fields["FollowUp"] = $"Follow-up for {item.Key}"; break;
            case ItemType.SingleChoice: fields["Value"] = "2"; break;
            case ItemType.Minutes: fields["Value"] = "45"; break;
            default: fields["Value"] = $"Words for {item.Key}"; break;
        }
        return fields;
    }

    public static string Url(Guid programmeId, Guid waveId, string rest = "") => $"/programmes/{programmeId}/questionnaires/{waveId}{rest}";

    /// <summary>Answers every question of a wave through the pages, checking each save moves on.</summary>
    public static async Task AnswerAllAsync(this UpwardFactory factory, HttpClient client, Guid waveId)
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var (items, domains) = await factory.ItemsAsync(waveId);
        foreach (var item in items)
        {
            var url = Url(programmeId, waveId, $"/questions/{item.Key}");
            var fields = ValidFields(item, domains);
            fields["Version"] = item.InstrumentId.ToString();
            var response = await client.SubmitAsync(url, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }
}
