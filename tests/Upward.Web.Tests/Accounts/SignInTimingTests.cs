using System.Diagnostics;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

/// <summary>
/// An unknown email takes about as long to refuse as a wrong password for a known one (the issue
/// found 2–3 ms against 100–150 ms). The bound is generous for a busy test machine; the benchmark
/// bench/signin/measure.py times a running Upward (figures in docs/security.md, 2.2.1).
/// </summary>
public sealed class SignInTimingTests : IDisposable
{
    private readonly AccountTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Unknown_and_known_emails_take_a_similar_time()
    {
        await _host.CreateUserAsync("timed@example.nhs.uk");
        var client = _host.Browser();
        var token = await client.TokenAsync("/account/sign-in");

        async Task<double> TimeAsync(string email, int i)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = "wrong password " + i,
            });
            var watch = Stopwatch.StartNew();
            var response = await client.PostAsync("/account/sign-in", form);
            watch.Stop();
            Assert.Contains("The email address or password is not right", await response.Content.ReadAsStringAsync());
            return watch.Elapsed.TotalMilliseconds;
        }

        // Warm up both paths, then interleave so that machine load falls on both alike. Different
        // emails each time: the throttle counts by email, and nine wrong passwords each stay under it.
        await TimeAsync("timed@example.nhs.uk", -1);
        await TimeAsync("nobody@example.nhs.uk", -1);
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            known.Add(await TimeAsync("timed@example.nhs.uk", i));
            unknown.Add(await TimeAsync($"nobody{i}@example.nhs.uk", i));
        }

        var knownMedian = Median(known);
        var unknownMedian = Median(unknown);
        Assert.True(unknownMedian > knownMedian / 2 && unknownMedian < knownMedian * 2,
            $"median unknown {unknownMedian:F1} ms against known {knownMedian:F1} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
