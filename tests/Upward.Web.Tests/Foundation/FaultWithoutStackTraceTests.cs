using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Upward.Data;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

/// <summary>
/// Every endpoint the app serves, requested with every database command failing, by a signed-out
/// visitor and by an administrator who coordinates the demo: no response shows a stack trace or the
/// failure's own words, in Production or in Development.
/// </summary>
public sealed class FaultWithoutStackTraceTests
{
    private const string FaultHeader = "X-Test-Fault";
    private const string Secret = "secret fault detail 7f3a";

    /// <summary>Fails every database command of a request that carries <see cref="FaultHeader"/>.</summary>
    private sealed class FailingCommands(IHttpContextAccessor http) : DbCommandInterceptor
    {
        private void ThrowIfFaulted()
        {
            if (http.HttpContext?.Request.Headers.ContainsKey(FaultHeader) == true)
            {
                throw new InvalidOperationException(Secret);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            ThrowIfFaulted();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ThrowIfFaulted();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            ThrowIfFaulted();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ThrowIfFaulted();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            ThrowIfFaulted();
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            ThrowIfFaulted();
            return ValueTask.FromResult(result);
        }
    }

    private sealed class FaultyFactory : UpwardFactory
    {
        public FaultyFactory(string environment)
        {
            Demo = true;
            Environment = environment;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<FailingCommands>();
                services.ConfigureDbContext<SqliteUpwardDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<FailingCommands>()));
                services.ConfigureDbContext<PostgresUpwardDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<FailingCommands>()));
            });
        }
    }

    /// <summary>Every page handler and other endpoint, as "METHOD url".</summary>
    private static async Task<List<(HttpMethod Method, string Url)>> EndpointsAsync(UpwardFactory factory, IReadOnlyDictionary<string, string> values)
    {
        _ = factory.Server;
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var requests = new List<(HttpMethod, string)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var path = Regex.Replace(route, @"\{(\w+)(?::[^}?]*)?\??\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : Guid.NewGuid().ToString());
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                requests.Add((HttpMethod.Get, path));
                continue;
            }
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            requests.Add((HttpMethod.Get, path));
            foreach (var handler in compiled.HandlerMethods)
            {
                var method = new HttpMethod(handler.HttpMethod.ToUpperInvariant());
                requests.Add((method, handler.Name is null ? path : $"{path}?handler={handler.Name}"));
            }
        }
        // Signing out last, or every request after it would be a signed-out visitor's.
        return requests.Distinct().OrderBy(r => r.Item2.StartsWith("/account/sign-out", StringComparison.Ordinal)).ToList();
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task No_response_shows_a_stack_trace_when_the_database_fails(string environment)
    {
        using var factory = new FaultyFactory(environment);
        var (values, _) = await DemoRouteValues.ForAsync(factory);
        var requests = await EndpointsAsync(factory, values);
        Assert.True(requests.Count > 80, $"only {requests.Count} requests; the endpoint listing is broken");

        var anonymous = factory.Browser();
        var admin = await factory.AsAsync("admin");
        var anonymousToken = await anonymous.TokenAsync("/account/sign-in");
        var adminToken = await admin.TokenAsync("/");
        var leaks = new List<string>();
        var failures = 0;
        foreach (var (client, token) in new[] { (anonymous, anonymousToken), (admin, adminToken) })
        {
            foreach (var (method, url) in requests)
            {
                using var request = new HttpRequestMessage(method, url);
                request.Headers.Add(FaultHeader, "1");
                if (method == HttpMethod.Post)
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                }
                var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500) failures++;
                var body = await response.Content.ReadAsStringAsync();
                if (body.Contains(Secret, StringComparison.Ordinal) || body.Contains("InvalidOperationException", StringComparison.Ordinal)
                    || Regex.IsMatch(body, @"\bat Upward\.|\.cs:line \d+|StackTrace|DbCommandInterceptor"))
                {
                    leaks.Add($"{method} {url} ({(int)response.StatusCode})");
                }
            }
        }

        Assert.True(leaks.Count == 0, "Stack traces or failure details in:\n" + string.Join("\n", leaks));
        // The fault was reached: the administrator's requests failed with the NHS error page, not a handful.
        Assert.True(failures > 80, $"only {failures} requests failed; the injected fault is not being reached");
    }
}
