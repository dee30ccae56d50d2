using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// What every page of one pair loads first: the pair as the signed-in person sees it (their side and
/// the other's name), the ground rules in force and the programme's time zone. Only the two people
/// in the pairing get further; anyone else's pairing looks exactly like one that does not exist.
/// </summary>
[Requires(ProgrammeCapability.HoldSessions)]
public abstract class PairPageModel(UpwardDbContext db) : ProgrammePageModel
{
    /// <summary>The request's unit of work, shared with the page's own loading and handlers.</summary>
    protected UpwardDbContext Db { get; } = db;

    [FromRoute] public Guid? PairingId { get; set; }

    /// <summary>The pair in the route; set on every page that has one, before the page's own loading.</summary>
    public MyPair Pair { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public GroundRulesInForce Rules { get; private set; } = null!;

    /// <summary>Both sides have accepted the ground rules in force, which every session needs first.</summary>
    public bool RulesAccepted => Pair.Pairing.GroundRulesAccepted(Rules.Version);

    /// <summary>A time as the programme's people read it, in its own time zone.</summary>
    public string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Zone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    protected internal sealed override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        Rules = await Db.GroundRulesInForceAsync(ProgrammeId, ct);
        if (PairingId is not { } pairingId) return await OnNoPairAsync(ct);
        if (await Db.FindMyPairAsync(ProgrammeId, User.UserId(), pairingId, ct) is not { } pair) return NotFound();
        Pair = pair;
        return await OnPairLoadedAsync(ct);
    }

    /// <summary>The page's own loading, once the pair is known.</summary>
    protected virtual Task<IActionResult?> OnPairLoadedAsync(CancellationToken ct) => Task.FromResult<IActionResult?>(null);

    /// <summary>Only the overview is reached without a pairing in its address.</summary>
    protected virtual Task<IActionResult?> OnNoPairAsync(CancellationToken ct) => Task.FromResult<IActionResult?>(NotFound());

    /// <summary>The pages of one pair, by the short names their addresses end in.</summary>
    private static readonly Dictionary<string, string> PairPages = new()
    {
        [""] = "/Sessions/Pairing", ["sessions"] = "/Sessions/PairSessions", ["actions"] = "/Sessions/PairActions",
        ["notes"] = "/Sessions/PairNotes", ["record"] = "/Sessions/RecordSession", ["end"] = "/Sessions/EndPairing",
    };

    /// <summary>The address of one of this pair's pages: "" for the overview, or "sessions", "actions", "notes", "record", "end".</summary>
    public string PairPath(string page = "") =>
        Url.Page(PairPages[page], new { programmeId = ProgrammeId, pairingId = Pair.Pairing.Id })
            ?? throw new InvalidOperationException($"No address for the pair's page '{page}'");
}
