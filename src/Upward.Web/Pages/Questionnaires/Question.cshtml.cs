using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>One question (or one domain grid) per page; every Continue saves, so answering can stop and resume anywhere.</summary>
public sealed class QuestionModel(UpwardDbContext db, TimeProvider clock) : AnsweringPageModel(db)
{
    public const string StaleVersionMessage =
        "This questionnaire was updated while you were answering. Your answers so far are kept: check this question and continue";

    [FromRoute(Name = "itemKey")] public string ItemKey { get; set; } = "";
    [FromQuery(Name = "change")] public bool Change { get; set; }

    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? FollowUp { get; set; }
    [BindProperty] public Dictionary<string, string?> Domains { get; set; } = [];

    /// <summary>The version the page was drawn from, so a page left open across a new version is caught.</summary>
    [BindProperty] public Guid Version { get; set; }

    public InstrumentItem Item { get; private set; } = null!;
    public string BackUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var answers = Questionnaire.AnswersTo(Item);
        Value = Item.Type switch
        {
            ItemType.YesNo => answers.FirstOrDefault()?.Number switch { 1 => "yes", 0 => "no", _ => null },
            ItemType.FreeText => answers.FirstOrDefault()?.Text,
            _ => answers.FirstOrDefault()?.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        FollowUp = Item.Type == ItemType.YesNo ? answers.FirstOrDefault()?.Text : null;
        Domains = answers.Where(a => a.IsDomainRating).ToDictionary(a => a.DomainId.ToString(), a => (string?)a.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Version = Questionnaire.Instrument.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Version != Questionnaire.Instrument.Id)
        {
            ModelState.AddModelError("", StaleVersionMessage);
            Version = Questionnaire.Instrument.Id;
            return Page();
        }
        // A grid with nothing chosen posts no Domains[…] field at all, and model binding then falls back to
        // binding the whole form (Version, the antiforgery token) into the dictionary: read that as no ratings,
        // not as a page that changed since it was opened.
        if (!Request.Form.Keys.Any(k => k.StartsWith("Domains[", StringComparison.Ordinal)))
        {
            Domains = [];
        }
        var domains = new Dictionary<Guid, string?>();
        foreach (var (key, value) in Domains)
        {
            // A domain the page never offered (a tampered form) is reported, not ignored or stored.
            domains[Guid.TryParse(key, out var id) ? id : Guid.Empty] = value;
        }
        var check = AnswerRules.Check(Item, Questionnaire.DomainIds, new AnswerInput(Value, FollowUp, domains), Questionnaire.Domains.ToDictionary(d => d.Id, d => d.Name));
        if (!check.IsValid)
        {
            foreach (var error in check.Errors)
            {
                ModelState.AddModelError(Guid.TryParse(error.Field, out _) ? $"domain-{error.Field}" : error.Field, error.Message);
            }
            return Page();
        }
        if (!await AnswerStore.SaveAsync(Db, Questionnaire, Item, check.Values, clock.GetUtcNow().UtcDateTime, ct))
        {
            return Redirect(DoneUrl);
        }
        var next = Questionnaire.After(Item);
        return Redirect(Change || next is null ? CheckUrl : QuestionUrl(next.Key));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Questionnaire.IsSubmitted) return Redirect(DoneUrl);
        if (!Questionnaire.Wave.IsOpen) return Redirect(StartUrl);
        if (Questionnaire.ItemFor(ItemKey) is not { } item) return NotFound();
        Item = item;
        var before = Questionnaire.Before(Item);
        BackUrl = Change ? CheckUrl : before is null ? StartUrl : QuestionUrl(before.Key);
        return null;
    }
}
