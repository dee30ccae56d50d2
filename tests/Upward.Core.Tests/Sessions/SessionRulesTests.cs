using Upward.Core.Sessions;

namespace Upward.Core.Tests.Sessions;

public sealed class SessionRulesTests
{
    [Theory]
    [InlineData(1, 1, 1, 1, "1 of 1 pair held at least one session: 1 session in all, of 1 planned (1 per pair).")]
    [InlineData(2, 1, 1, 2, "1 of 2 pairs held at least one session: 1 session in all, of 4 planned (2 per pair).")]
    [InlineData(5, 5, 7, 6, "5 of 5 pairs held at least one session: 7 sessions in all, of 30 planned (6 per pair).")]
    [InlineData(3, 0, 0, 1, "0 of 3 pairs held at least one session: 0 sessions in all, of 3 planned (1 per pair).")]
    [InlineData(0, 0, 0, 1, "No pairs have been made yet.")]
    public void Sentences_about_sessions_read_correctly_for_every_count(int pairs, int met, int held, int perPair, string expected) =>
        Assert.Equal(expected, SessionSentences.Held(pairs, met, held, perPair));

    [Fact]
    public void The_plan_says_session_or_sessions() =>
        Assert.Equal(["This programme plans 1 session, of up to 60 minutes each as a guide.", "This programme plans 6 sessions, of up to 45 minutes each as a guide."],
            [SessionSentences.Plan(1, 60), SessionSentences.Plan(6, 45)]);

    [Theory]
    [InlineData(60, null, null)]
    [InlineData(61, null, "Say briefly why the session went past its time limit of 60 minutes")]
    [InlineData(61, "  ", "Say briefly why the session went past its time limit of 60 minutes")]
    [InlineData(90, "We chose to carry on", null)]
    public void Going_over_the_limit_asks_why(int minutes, string? reason, string? error) =>
        Assert.Equal(error, SessionRules.CheckOverTime(minutes, 60, reason));

    [Fact]
    public void A_session_recorded_afterwards_must_have_started()
    {
        var now = new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Null(SessionRules.CheckRecordedStart(now.AddDays(-2), now));
        Assert.NotNull(SessionRules.CheckRecordedStart(now.AddMinutes(1), now));
    }

    [Fact]
    public void A_pair_adds_sessions_up_to_the_plan_and_one_planned_at_a_time()
    {
        MentoringSession Held() => new() { Status = SessionStatus.Held };
        Assert.True(SessionRules.CanAddSession([Held()], 2));
        Assert.False(SessionRules.CanAddSession([Held(), new MentoringSession { Status = SessionStatus.Agreed }], 3));
        Assert.False(SessionRules.CanAddSession([Held(), Held()], 2));
        Assert.True(SessionRules.CanRecordAfterwards([Held(), new MentoringSession { Status = SessionStatus.Cancelled }], 2));
        Assert.False(SessionRules.CanRecordAfterwards([Held(), Held()], 2));
    }
}
