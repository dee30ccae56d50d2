using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>The coordinator chooses how phase 1 runs: group or anonymous, and what mentees may see and say.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class SettingsModel(UpwardDbContext db) : ProgrammePageModel
{
    [BindProperty] public SettingsInput Input { get; set; } = new();
    public bool Saved { get; private set; }

    public sealed class SettingsInput
    {
        public FeedbackMode? Mode { get; set; }
        public bool? MenteeMaySeeBrief { get; set; }
        public bool? MenteesMayChooseMentors { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var settings = await db.PhaseOneSettingsForAsync(ProgrammeId, ct);
        Input = new SettingsInput { Mode = settings.Mode, MenteeMaySeeBrief = settings.MenteeMaySeeBrief, MenteesMayChooseMentors = settings.MenteesMayChooseMentors };
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Require("Input.Mode", Input.Mode is not null && Enum.IsDefined(Input.Mode.Value), "Select how mentors give feedback");
        Require("Input.MenteeMaySeeBrief", Input.MenteeMaySeeBrief is not null, "Select whether mentees may read their brief");
        Require("Input.MenteesMayChooseMentors", Input.MenteesMayChooseMentors is not null, "Select whether mentees may name mentors they would like to meet or would rather not meet");
        var settings = await db.PhaseOneSettings.SingleOrDefaultAsync(s => s.ProgrammeId == ProgrammeId, ct);
        var current = settings?.Mode ?? FeedbackMode.Group;
        if (ModelState.IsValid && Input.Mode != current
            && (await db.FeedbackBriefs.AnyAsync(b => b.ProgrammeId == ProgrammeId, ct) || await db.AnonymousContributors.AnyAsync(c => c.ProgrammeId == ProgrammeId, ct)))
        {
            // Switching mode half-way would mix a group's notes with anonymous ballots in one brief.
            ModelState.AddModelError("Input.Mode", "The way mentors give feedback cannot change once feedback has been given or a brief started");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (settings is null)
        {
            settings = PhaseOneSettings.DefaultFor(ProgrammeId);
            db.PhaseOneSettings.Add(settings);
        }
        var changes = new SettingsChanges()
            .Compare("Mode", settings.Mode, Input.Mode!.Value)
            .Compare("MenteeMaySeeBrief", settings.MenteeMaySeeBrief, Input.MenteeMaySeeBrief!.Value)
            .Compare("MenteesMayChooseMentors", settings.MenteesMayChooseMentors, Input.MenteesMayChooseMentors!.Value);
        settings.Mode = Input.Mode!.Value;
        settings.MenteeMaySeeBrief = Input.MenteeMaySeeBrief!.Value;
        settings.MenteesMayChooseMentors = Input.MenteesMayChooseMentors!.Value;
        db.Audit(AuditAction.PhaseOneSettingsChanged, User.UserId(), Programme.OrganisationId, ProgrammeId, $"programme:{ProgrammeId}", changes.ToString());
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/PhaseOne/Settings", new { programmeId = ProgrammeId, saved = "true" });
    }

    private void Require(string key, bool ok, string message)
    {
        if (ModelState[key] is { Errors.Count: > 0 } bad)
        {
            bad.Errors.Clear();
            ModelState.AddModelError(key, message);
        }
        else if (!ok)
        {
            ModelState.AddModelError(key, message);
        }
    }
}
