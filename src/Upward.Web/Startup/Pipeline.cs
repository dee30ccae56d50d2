using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Upward.Data;
using Upward.Web.Identity.OrganisationSignIn;
using Upward.Web.Telemetry;

namespace Upward.Web.Startup;

internal static class Pipeline
{
    /// <summary>The one setting that shows exception details in responses; documented in the README.</summary>
    public const string ShowStackTracesSetting = "Upward:ShowStackTraces";

    public static void UseUpwardPipeline(this WebApplication app)
    {
        // /metrics, when an operator turns it on, for this machine and named readers only: before the
        // forwarded headers are read, so it sees the real peer and whether the request came through the proxy.
        app.MapUpwardMetrics();
        // Then, so that everything after sees the scheme and client address the proxy saw.
        app.UseForwardedHeaders();
        // Stack traces only when a developer asks for them by name (Upward__ShowStackTraces=true), in any
        // environment: "Development" alone never reveals them, since it is too easily left on.
        if (app.Configuration.GetValue<bool>(ShowStackTracesSetting))
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            // An NHS-styled page, never a stack trace. A write that lost a race with another request
            // (one the pages do not already settle) is a 409 that says so, not "a problem with the service".
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = e => DatabaseConflicts.IsConflict(e) ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError,
            });
        }
        // The query string is replaced: a handler name left in it would send the error page looking for that handler.
        app.UseStatusCodePagesWithReExecute("/error/{0}", "?status={0}");

        // After the error handlers, so error pages (re-executed) get these headers too. HSTS only on
        // HTTPS requests (directly or through a known proxy), and never for localhost.
        app.UseHsts();
        app.UseSecurityHeaders();

        app.UseStaticFiles();
        app.UseRouting();
        app.UseTooLargeRequestRefusal();
        app.UseRateLimiter();
        app.UseOrganisationProviders();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        // Apart from "ready": an instance is ready to serve pages even when no scheduled job has run lately.
        app.MapHealthChecks("/health/scheduler", new HealthCheckOptions { Predicate = c => c.Tags.Contains("scheduler") });
        app.MapRazorPages();
    }
}
