using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Upward.Data;
using Upward.Web.Identity.OrganisationSignIn;

namespace Upward.Web.Startup;

internal static class Pipeline
{
    public static void UseUpwardPipeline(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
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

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            await next();
        });

        app.UseStaticFiles();
        app.UseRouting();
        app.UseTooLargeRequestRefusal();
        app.UseOrganisationProviders();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapRazorPages();
    }
}
