using Upward.Core.PhaseOne;

namespace Upward.Core.Tests.PhaseOne;

public sealed class WillingnessSummaryTests
{
    private static readonly Guid[] Mentors = [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())];
    private static readonly Guid[] Mentees = [.. Enumerable.Range(0, 5).Select(_ => Guid.NewGuid())];

    private static IEnumerable<Willingness> WillingFor(Guid mentor, int count) =>
        Mentees.Select((mentee, i) => new Willingness { MentorEnrolmentId = mentor, MenteeEnrolmentId = mentee, Willing = i < count });

    [Fact]
    public void The_pilot_reads_as_the_paper_reports_it()
    {
        // Raju et al. 2022: 3 of 6 willing to mentor all, 2 of 6 willing for 3 of 5, 1 for 4 of 5.
        var answers = WillingFor(Mentors[0], 5).Concat(WillingFor(Mentors[1], 5)).Concat(WillingFor(Mentors[2], 5))
            .Concat(WillingFor(Mentors[3], 3)).Concat(WillingFor(Mentors[4], 3)).Concat(WillingFor(Mentors[5], 4));

        var summary = WillingnessSummary.Compute(Mentors, Mentees, answers);

        Assert.Equal("3 of 6 mentors are willing to mentor every mentee", summary.Headline);
        Assert.Equal(
            ["3 of 6 mentors are willing to mentor 5 of 5 mentees", "1 of 6 mentors is willing to mentor 4 of 5 mentees", "2 of 6 mentors are willing to mentor 3 of 5 mentees"],
            summary.BandLines);
        Assert.Equal(6, summary.WillingMentorsPerMentee[Mentees[0]]);
        Assert.Equal(4, summary.WillingMentorsPerMentee[Mentees[3]]);
        Assert.Equal(3, summary.WillingMentorsPerMentee[Mentees[4]]);
        Assert.Equal(0, summary.MentorsYetToAnswer);
    }

    [Fact]
    public void Unanswered_pairs_count_as_not_willing_and_strangers_are_ignored()
    {
        var answers = new[]
        {
            new Willingness { MentorEnrolmentId = Mentors[0], MenteeEnrolmentId = Mentees[0], Willing = true },
            new Willingness { MentorEnrolmentId = Guid.NewGuid(), MenteeEnrolmentId = Mentees[0], Willing = true },
            new Willingness { MentorEnrolmentId = Mentors[1], MenteeEnrolmentId = Guid.NewGuid(), Willing = true },
        };

        var summary = WillingnessSummary.Compute(Mentors, Mentees, answers);

        Assert.Equal(0, summary.MentorsWillingForEveryMentee);
        Assert.Equal(1, summary.WillingMentorsPerMentee[Mentees[0]]);
        Assert.Equal(5, summary.MentorsYetToAnswer);
        Assert.Equal("0 of 6 mentors are willing to mentor every mentee", summary.Headline);
    }

    [Fact]
    public void No_mentees_means_nobody_is_willing_for_every_mentee()
    {
        var summary = WillingnessSummary.Compute([Mentors[0]], [], []);
        Assert.Equal(0, summary.MentorsWillingForEveryMentee);
        Assert.Equal("0 of 1 mentor is willing to mentor every mentee", summary.Headline);
    }
}
