using Upward.Core.Programmes;

namespace Upward.Core.Questionnaires;

/// <summary>An instrument put to one audience at one stage of a programme, open or closed for answers.</summary>
public sealed class Wave
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }

    /// <summary>The version new answers use; an edit after the first answer moves this to a new version.</summary>
    public Guid InstrumentId { get; set; }

    public ProgrammeRole Audience { get; init; }
    public Stage Stage { get; init; }
    public bool IsOpen { get; set; }
    public DateTime? OpenedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    public void Open(DateTime nowUtc)
    {
        IsOpen = true;
        OpenedAtUtc ??= nowUtc;
        ClosedAtUtc = null;
    }

    public void Close(DateTime nowUtc)
    {
        IsOpen = false;
        ClosedAtUtc = nowUtc;
    }
}
