using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>
/// A mentee's list of mentors, where the programme allows one: those they would like to meet, or
/// those they would rather not meet. Mentors never see either list. A mentor cannot be on both,
/// so each page refuses a mentor already on the other list, saying which.
/// </summary>
/// <typeparam name="TChoice">This page's list.</typeparam>
/// <typeparam name="TOther">The other list, which must not name the same mentor.</typeparam>
public abstract class MentorChoicePageModel<TChoice, TOther>(UpwardDbContext db) : MentorChoicePageModel
    where TChoice : class, IMentorChoice, new()
    where TOther : class, IMentorChoice
{
    /// <summary>The page's address under the programme's phase 1, for the redirect after saving.</summary>
    /// <summary>The page's own name, for returning to it after a save.</summary>
    protected abstract string PageName { get; }

    /// <summary>How the other list is named in an error: "would rather not meet".</summary>
    protected abstract string OtherListName { get; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var me = await LoadAsync(ct);
        Chosen = await MentorsOnListAsync<TChoice>(me, ct);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await LoadAsync(ct);
        if (!Allowed)
        {
            return Page();
        }
        var known = Mentors.Select(m => m.EnrolmentId).ToHashSet();
        // Chosen is all this form binds, so any binding error is a tampered or garbled id: treated as a
        // stale one rather than silently dropped, which would save (or clear) the list without it.
        if (!ModelState.IsValid || Chosen.Any(id => !known.Contains(id)))
        {
            Chosen = Chosen.Where(known.Contains).ToList();
            ModelState.Clear();
            ModelState.AddModelError(nameof(Chosen), "The list of mentors has changed since the page was opened. Check your choices and save again.");
            return Page();
        }
        var onBoth = Mentors.Where(m => Chosen.Contains(m.EnrolmentId)).IntersectBy(await MentorsOnListAsync<TOther>(me, ct), m => m.EnrolmentId).ToList();
        if (onBoth.Count > 0)
        {
            ModelState.AddModelError(nameof(Chosen),
                $"You also named {string.Join(" and ", onBoth.Select(m => m.Name))} as a mentor you {OtherListName}. Unselect them here or change that list first.");
            return Page();
        }

        var list = db.Set<TChoice>();
        var existing = await list.Where(c => c.MenteeEnrolmentId == me).ToListAsync(ct);
        list.RemoveRange(existing.Where(c => !Chosen.Contains(c.MentorEnrolmentId)));
        foreach (var mentor in Chosen.Distinct().Where(id => existing.All(c => c.MentorEnrolmentId != id)))
        {
            list.Add(new TChoice { ProgrammeId = ProgrammeId, MenteeEnrolmentId = me, MentorEnrolmentId = mentor });
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage(PageName, new { programmeId = ProgrammeId, saved = "true" });
    }

    private Task<List<Guid>> MentorsOnListAsync<T>(Guid mentee, CancellationToken ct) where T : class, IMentorChoice =>
        db.Set<T>().Where(c => c.MenteeEnrolmentId == mentee).Select(c => c.MentorEnrolmentId).ToListAsync(ct);

    private async Task<Guid> LoadAsync(CancellationToken ct)
    {
        Allowed = (await db.PhaseOneSettingsForAsync(ProgrammeId, ct)).MenteesMayChooseMentors;
        var me = (await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct))!.Value;
        var myMentorSelf = await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct);
        Mentors = (await db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentor, ct)).Where(m => m.EnrolmentId != myMentorSelf).ToList();
        return me;
    }
}

/// <summary>What the shared checkbox view (_MentorChoices) binds to, whichever the list.</summary>
[Requires(ProgrammeCapability.ChooseMentors)]
public abstract class MentorChoicePageModel : ProgrammePageModel
{
    [BindProperty] public List<Guid> Chosen { get; set; } = [];
    public IReadOnlyList<Participant> Mentors { get; protected set; } = [];
    public IReadOnlyList<TagHelpers.RadioOption> MentorOptions => Mentors.Select(m => new TagHelpers.RadioOption(m.EnrolmentId.ToString(), m.Name)).ToList();
    public bool Allowed { get; protected set; }
    public bool Saved { get; protected set; }
}
