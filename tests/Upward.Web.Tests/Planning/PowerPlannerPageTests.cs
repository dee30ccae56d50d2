using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Planning;
using Upward.Core.Programmes;
using Upward.Web.Pages.Planning;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Planning;

/// <summary>The power planner page: reached from settings, reproducible from its seed, beside the programme's own numbers.</summary>
public sealed class PowerPlannerPageTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_coordinator_finds_it_from_settings_with_the_programmes_numbers_and_conventional_choices()
    {
        var id = await ProgrammeIdAsync();
        var client = await AsAsync("coordinator");

        string settings = await client.GetStringAsync($"/programmes/{id}/settings");
        Assert.Contains($"href=\"/programmes/{id}/power-planner\"", settings);
        string html = await client.GetStringAsync($"/programmes/{id}/power-planner");

        var (mentors, mentees) = await CountsAsync(id);
        Assert.Contains($"{mentors} mentors and {mentees} mentees who have not withdrawn or declined", html);
        Assert.Contains("value=\"0.5\"", html);
        Assert.Contains("value=\"0.05\"", html);
        Assert.DoesNotContain("id=\"plan\"", html);
    }

    [Fact]
    public async Task A_plan_gives_the_simulated_size_its_seed_and_the_power_with_the_programmes_own_numbers()
    {
        var id = await ProgrammeIdAsync();
        var client = await AsAsync("coordinator");

        string html = await client.GetStringAsync($"/programmes/{id}/power-planner?Design=Paired&Effect=0.8&Alpha=0.05&Power=0.8&Seed=42");

        var plan = PowerPlanner.Plan(PowerDesign.Paired, 0.8, 0.05, 0.8, 42);
        Assert.Contains($"<strong id=\"people\">{plan.People}</strong> people answering before and after", html);
        Assert.Contains("<strong id=\"seed\">42</strong>", html);
        Assert.Contains($"{PowerPlanner.Runs} simulated evaluations at each size", html);
        var (mentors, _) = await CountsAsync(id);
        Assert.Contains($"With all {mentors} mentors answering before and after: power {PowerPlannerModel.Percent(PowerPlanner.Power(PowerDesign.Paired, mentors, 0.8, 0.05, 42))}.", html);

        // The same address gives the same answer (the page's card, not its per-request script nonce).
        string again = await client.GetStringAsync($"/programmes/{id}/power-planner?Design=Paired&Effect=0.8&Alpha=0.05&Power=0.8&Seed=42");
        Assert.Equal(Card(html), Card(again));
    }

    [Fact]
    public async Task A_two_group_plan_splits_the_mentees()
    {
        var id = await ProgrammeIdAsync();
        var client = await AsAsync("coordinator");

        string html = await client.GetStringAsync($"/programmes/{id}/power-planner?Design=TwoArm&Effect=1&Alpha=0.05&Power=0.9&Seed=7");

        var plan = PowerPlanner.Plan(PowerDesign.TwoArm, 1, 0.05, 0.9, 7);
        Assert.Contains($"<strong id=\"people\">{plan.People}</strong> people in each group", html);
        Assert.Contains("mentees split into two groups", html);
    }

    [Fact]
    public async Task An_empty_seed_draws_one_and_shows_it()
    {
        var id = await ProgrammeIdAsync();
        string html = await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/power-planner?Design=Paired&Effect=1.5&Alpha=0.05&Power=0.8&Seed=");

        Assert.Matches("<strong id=\"seed\">[0-9]+</strong>", html);
    }

    [Theory]
    [InlineData("Design=Paired&Effect=abc&Alpha=0.05&Power=0.8", "Enter the effect as a number from 0.1 to 5")]
    [InlineData("Design=Paired&Effect=0.05&Alpha=0.05&Power=0.8", "Enter the effect as a number from 0.1 to 5")]
    [InlineData("Design=Paired&Effect=0.5&Alpha=0.5&Power=0.8", "Enter the significance level as a number from 0.001 to 0.2")]
    [InlineData("Design=Paired&Effect=0.5&Alpha=0.05&Power=1", "Enter the power as a number from 0.5 to 0.99")]
    [InlineData("Design=Paired&Effect=0.5&Alpha=0.05&Power=0.8&Seed=-3", "Enter the seed as a whole number")]
    [InlineData("Effect=0.5&Alpha=0.05&Power=0.8", "Select the comparison the evaluation will make")]
    public async Task Bad_input_shows_the_error_summary_and_no_plan(string query, string message)
    {
        var id = await ProgrammeIdAsync();

        var response = await (await AsAsync("coordinator")).GetAsync($"/programmes/{id}/power-planner?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains(message, html);
        Assert.DoesNotContain("id=\"plan\"", html);
    }

    [Theory]
    [InlineData("researcher")]
    [InlineData("mentor1")]
    public async Task Only_those_who_manage_the_programme_plan(string who)
    {
        var id = await ProgrammeIdAsync();

        var response = await (await AsAsync(who)).GetAsync($"/programmes/{id}/power-planner");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
    }

    private static string Card(string html) => html[html.IndexOf("id=\"plan\"", StringComparison.Ordinal)..html.IndexOf("Back to settings", StringComparison.Ordinal)];

    private Task<(int Mentors, int Mentees)> CountsAsync(Guid id) => Factory.WithDbAsync(async db =>
    {
        var live = db.Enrolments.Where(e => e.ProgrammeId == id && (e.Status == EnrolmentStatus.Invited || e.Status == EnrolmentStatus.Consented));
        return (await live.CountAsync(e => e.Role == ProgrammeRole.Mentor), await live.CountAsync(e => e.Role == ProgrammeRole.Mentee));
    });
}
