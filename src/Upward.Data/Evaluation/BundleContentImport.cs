using Microsoft.AspNetCore.Identity;
using Upward.Core.Bundles;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Data.Evaluation;

/// <summary>
/// Imports the content analysis of a version 2 bundle (codebook, codings, quotes, consent to be
/// quoted) into a programme that <see cref="BundleImport"/> has just created, so exporting it again
/// gives the same bundle.
/// </summary>
public static class BundleContentImport
{
    /// <summary>The code of the placeholder coder that imported codings are recorded under: the bundle names no coder.</summary>
    public const string ImportedCoderCode = "RE-IMPORTED";

    /// <param name="enrolments">The participants' new enrolments by code.</param>
    /// <param name="answers">The new text answers (free text, yes/no follow-ups) by the bundle's reference to them.</param>
    public static async Task AddAsync(
        UpwardDbContext db, UserManager<UpwardUser> users, Programme programme, ResearchBundle bundle,
        IReadOnlyDictionary<string, Enrolment> enrolments, IReadOnlyDictionary<BundleAnswerReference, Guid> answers, DateTime now)
    {
        foreach (var p in bundle.Participants.Where(p => p.MayBeQuoted))
        {
            db.ConsentDecisions.Add(new ConsentDecision
            {
                EnrolmentId = enrolments[p.Code].Id, Purpose = ConsentPurpose.QuoteAnonymously, Given = true,
                TextVersion = ConsentText.For(ConsentPurpose.QuoteAnonymously).Version, DecidedAtUtc = now,
            });
        }

        var themes = bundle.Themes.ToDictionary(t => t.Name, t => new Theme { ProgrammeId = programme.Id, Name = t.Name, Definition = t.Definition, CreatedAtUtc = now });
        foreach (var t in bundle.Themes)
        {
            themes[t.Name].ParentId = t.Parent is { } parent ? themes[parent].Id : null;
        }
        db.Themes.AddRange(themes.Values);

        if (bundle.Codings.Count > 0)
        {
            var coder = await CoderAsync(db, users, programme, now);
            db.Codings.AddRange(bundle.Codings.Select(c => new Coding
            {
                ProgrammeId = programme.Id, AnswerId = answers[c.Answer], ThemeId = themes[c.Theme].Id, CoderEnrolmentId = coder.Id,
                PassageStart = c.PassageStart, PassageLength = c.PassageLength, CodedAtUtc = now,
            }));
        }
        db.RepresentativeQuotes.AddRange(bundle.Quotes.Select(q => new RepresentativeQuote
        {
            ThemeId = themes[q.Theme].Id, ProgrammeId = programme.Id, AnswerId = answers[q.Answer], ChosenAtUtc = now,
        }));
    }

    /// <summary>
    /// A researcher enrolment for a placeholder account that can never sign in, to hold the imported
    /// codings: the bundle deliberately says nothing of who coded, and a coding must have a coder.
    /// </summary>
    private static async Task<Enrolment> CoderAsync(UpwardDbContext db, UserManager<UpwardUser> users, Programme programme, DateTime now)
    {
        var user = new UpwardUser
        {
            UserName = $"imported-{programme.Id:N}-coder",
            Email = $"coder.{programme.Id:N}@imported.invalid",
            DisplayName = "Imported codings",
            OrganisationId = programme.OrganisationId,
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new InvalidOperationException($"Could not create the placeholder coder: {created.Errors.First().Description}");
        var enrolment = new Enrolment
        {
            ProgrammeId = programme.Id, UserId = user.Id, Role = ProgrammeRole.Researcher, ParticipantCode = ImportedCoderCode,
            Status = EnrolmentStatus.Consented, CreatedAtUtc = now,
        };
        db.Enrolments.Add(enrolment);
        return enrolment;
    }
}
