using Upward.Core.PhaseOne;

namespace Upward.Core.Tests.PhaseOne;

public sealed class SealedBallotTests
{
    private static AnonymousContribution C(string text, int? rating) => new() { DomainId = Guid.NewGuid(), Text = text, Rating = rating };

    [Fact]
    public void Every_ballot_has_the_same_length_whatever_it_says()
    {
        var empty = SealedBallot.Write([], 7);
        var short1 = SealedBallot.Write([C("Kind", 4)], 7);
        var longest = SealedBallot.Write(Enumerable.Range(0, 7).Select(_ => C(new string('€', SealedBallot.TextLimit), 5)).ToList(), 7);
        Assert.Equal(SealedBallot.LengthFor(7), empty.Length);
        Assert.Equal(empty.Length, short1.Length);
        Assert.Equal(empty.Length, longest.Length);
    }

    [Fact]
    public void What_is_sealed_is_what_is_opened()
    {
        var programme = Guid.NewGuid();
        var mentee = Guid.NewGuid();
        var written = new[] { C("Asks juniors for help with apps 👍", 4), C("", 2), C("Ünïcödé and\nnew lines", null) };
        var read = SealedBallot.Read(SealedBallot.Write(written, 7), programme, mentee);
        Assert.Equal(written.Select(c => (c.DomainId, c.Text, c.Rating)), read.Select(c => (c.DomainId, c.Text, c.Rating)));
        Assert.All(read, c => Assert.Equal((programme, mentee), (c.ProgrammeId, c.MenteeEnrolmentId)));
        Assert.Empty(read.Select(c => c.Id).Intersect(written.Select(c => c.Id)));
    }

    [Fact]
    public void Too_much_is_refused_rather_than_cut()
    {
        Assert.Throws<ArgumentException>(() => SealedBallot.Write([C(new string('x', SealedBallot.TextLimit + 1), null)], 7));
        Assert.Throws<ArgumentException>(() => SealedBallot.Write([C("a", null), C("b", null)], 1));
        Assert.Throws<FormatException>(() => SealedBallot.Read(new byte[10], Guid.Empty, Guid.Empty));
    }
}
