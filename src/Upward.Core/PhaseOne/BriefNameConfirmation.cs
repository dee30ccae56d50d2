namespace Upward.Core.PhaseOne;

/// <summary>
/// A reviewer's word that a name-like phrase found in a brief (say "Dr Khan") is not a participant of
/// the programme, so it no longer holds up the review. It lasts through later edits of the brief.
/// </summary>
public sealed class BriefNameConfirmation
{
    public const int PhraseLimit = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid BriefId { get; init; }
    public string Phrase { get; init; } = "";
}
