using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.PhaseOne;

/// <summary>
/// A mentee's list of mentors, where the programme allows one: those they would like to meet, or
/// those they would rather not meet. Mentors never see either list. A mentor cannot be on both,
/// so each page refuses a mentor already on the other list, saying which.
/// </summary>
public abstract class MentorChoicePageModel(ProgrammeGate gate, UpwardDbContext db) : ProgrammePageModel(gate)
{
    [BindProperty] public List<Guid> Chosen { get; set; } = [];
    public IReadOnlyList<Participant> Mentors { get; private set; } = [];
    public bool Allowed { get; private set; }
    public bool Saved { get; private set; }

    protected UpwardDbContext Db => db;

    /// <summary>The page's address under the programme, for the redirect after saving.</summary>
    protected abstract string PagePath { get; }

    /// <summary>How the other list is named in an error: "would rather not meet".</summary>
    protected abstract string OtherListName { get; }

    protected abstract Task<List<Guid>> ChosenAsync(Guid mentee, CancellationToken ct);

    protected abstract Task<List<Guid>> OnOtherListAsync(Guid mentee, CancellationToken ct);

    /// <summary>Replaces the mentee's list with <paramref name="chosen"/>, without saving.</summary>
    protected abstract Task ReplaceAsync(Guid mentee, IReadOnlyCollection<Guid> chosen, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.ChooseMentors, ct) is { } refused)
        {
            return refused;
        }
        var me = await LoadAsync(ct);
        Chosen = await ChosenAsync(me, ct);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.ChooseMentors, ct) is { } refused)
        {
            return refused;
        }
        var me = await LoadAsync(ct);
        if (!Allowed)
        {
            return Page();
        }
        var known = Mentors.Select(m => m.EnrolmentId).ToHashSet();
        if (Chosen.Any(id => !known.Contains(id)))
        {
            Chosen = Chosen.Where(known.Contains).ToList();
            ModelState.Clear();
            ModelState.AddModelError(nameof(Chosen), "The list of mentors has changed since the page was opened. Check your choices and save again.");
            return Page();
        }
        var onBoth = Mentors.Where(m => Chosen.Contains(m.EnrolmentId)).IntersectBy(await OnOtherListAsync(me, ct), m => m.EnrolmentId).ToList();
        if (onBoth.Count > 0)
        {
            ModelState.AddModelError(nameof(Chosen),
                $"You also named {string.Join(" and ", onBoth.Select(m => m.Name))} as a mentor you {OtherListName}. Unselect them here or change that list first.");
            return Page();
        }
        await ReplaceAsync(me, Chosen.Distinct().ToList(), ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"/programmes/{ProgrammeId}/phase-one/{PagePath}?saved=true");
    }

    private async Task<Guid> LoadAsync(CancellationToken ct)
    {
        Allowed = (await db.PhaseOneSettingsForAsync(ProgrammeId, ct)).MenteesMayChooseMentors;
        var me = (await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct))!.Value;
        var myMentorSelf = await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct);
        Mentors = (await db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentor, ct)).Where(m => m.EnrolmentId != myMentorSelf).ToList();
        return me;
    }
}
