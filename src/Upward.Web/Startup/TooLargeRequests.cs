using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Upward.Web.Startup;

/// <summary>
/// Refuses a request whose announced length is over its page's limit before anything reads it.
/// Otherwise the antiforgery check is the first to read the form, fails on the size, and the person
/// is told the page "may have been open for a long time" (400) instead of that the file is too large.
/// </summary>
internal static class TooLargeRequests
{
    public static void UseTooLargeRequestRefusal(this WebApplication app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        // Not when the status page is being shown for this very request: it would refuse itself.
        var showingStatus = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (!showingStatus && context.Request.ContentLength is { } length && limit is { } max && length > max)
        {
            // Empty body: the status page (re-executed) explains it in the NHS style.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next();
    });
}
