using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Allocation;

/// <summary>
/// A mentor's or mentee's department, specialty and the topics they most want to talk about, chosen
/// from the programme's lists. Only best-fit allocation reads them; they are optional and never exported.
/// </summary>
[Requires(ProgrammeCapability.DescribeOwnWork)]
public sealed class YourWorkModel(UpwardDbContext db) : ProgrammePageModel
{
    /// <summary>The radio value for "none of these", since an unselected radio cannot be taken back.</summary>
    public const string NoneOfThese = "none";

    [BindProperty] public WorkInput Input { get; set; } = new();
    public IReadOnlyList<ProgrammeDomain> Topics { get; private set; } = [];
    public bool Saved { get; private set; }
    private List<Enrolment> mine = [];

    public sealed class WorkInput
    {
        public string? Department { get; set; }
        public string? Specialty { get; set; }
        public List<Guid> Topics { get; set; } = [];
    }

    public IReadOnlyList<RadioOption> DepartmentOptions => OptionsFrom(Programme.Departments, mine.FirstOrDefault()?.Department);
    public IReadOnlyList<RadioOption> TopicOptions => Topics.Select(t => new RadioOption(t.Id.ToString(), t.Name)).ToList();
    public IReadOnlyList<RadioOption> SpecialtyOptions => OptionsFrom(Programme.Specialties, mine.FirstOrDefault()?.Specialty);

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        var first = mine[0];
        Input = new WorkInput { Department = first.Department ?? "", Specialty = first.Specialty ?? "", Topics = [.. first.TopicDomainIds] };
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var department = Chosen(Input.Department, DepartmentOptions, "Input.Department", "department");
        var specialty = Chosen(Input.Specialty, SpecialtyOptions, "Input.Specialty", "specialty");
        var known = Topics.Select(t => t.Id).ToHashSet();
        // A topic that is not an id at all is tampered or garbled: our words, on the field the summary links to, not the framework's.
        var garbled = FormErrors.TakeBindingErrors(ModelState, "Input.Topics");
        if (garbled || Input.Topics.Any(t => !known.Contains(t)))
        {
            Input.Topics = Input.Topics.Where(known.Contains).ToList();
            ModelState.AddModelError("Input.Topics", "The list of topics has changed since the page was opened. Check your choices and save again.");
        }
        if (!ModelState.IsValid) return Page();

        // A person who both mentors and is mentored here describes their work once, for both.
        foreach (var enrolment in mine)
        {
            enrolment.Department = department;
            enrolment.Specialty = specialty;
            enrolment.TopicDomainIds = Input.Topics.Distinct().ToList();
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Allocation/YourWork", new { programmeId = Programme.Id, saved = "true" });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        mine = await db.Enrolments
            .Where(e => e.ProgrammeId == ProgrammeId && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn
                && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee))
            .OrderBy(e => e.Role)
            .ToListAsync(ct);
        Topics = Programme.Domains.OrderBy(d => d.Position).ToList();
    }

    private string? Chosen(string? value, IReadOnlyList<RadioOption> options, string key, string what)
    {
        if (string.IsNullOrEmpty(value) || value == NoneOfThese) return null;
        if (options.Any(o => o.Value == value)) return value;
        ModelState.AddModelError(key, $"Select a {what} from the list");
        return null;
    }

    /// <summary>The programme's list, keeping an earlier answer the coordinator has since removed so it is not lost unseen.</summary>
    private static IReadOnlyList<RadioOption> OptionsFrom(IReadOnlyList<string> list, string? current)
    {
        var entries = current is not null && !list.Contains(current) ? [.. list, current] : list;
        return [.. entries.Select(e => new RadioOption(e, e)), new RadioOption(NoneOfThese, "None of these, or I would rather not say")];
    }
}
