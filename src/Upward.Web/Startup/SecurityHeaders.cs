using System.Security.Cryptography;

namespace Upward.Web.Startup;

/// <summary>
/// Headers on every response (pages, error pages, static files, downloads) that tell browsers what
/// this site may do: scripts and styles from this site only, with one per-request nonce for the
/// layout's one-line inline script; never framed; no camera, microphone or location; no MIME sniffing.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "upward.csp-nonce";

    /// <summary>The nonce of this request's Content-Security-Policy, for a script element that must be inline.</summary>
    public static string CspNonce(this HttpContext context)
    {
        // One per request: an error page re-executed for the same request keeps the nonce its header names.
        if (context.Items[NonceKey] is not string nonce)
        {
            // base64url: nothing in it that HTML encoding would change in the attribute.
            nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
            context.Items[NonceKey] = nonce;
        }
        return nonce;
    }

    // form-action is deliberately absent: an organisation sign-in form posts to Upward, which then
    // redirects to the organisation's identity provider, and browsers apply form-action to that redirect.
    private static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self'; " +
        "img-src 'self' data:; " +
        // The NHS.UK frontend's stylesheet loads Frutiger from assets.nhs.uk, where it is licensed for NHS services.
        "font-src 'self' https://assets.nhs.uk; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'none'; " +
        "frame-ancestors 'none'";

    // Features Upward never uses; a compromised page still cannot ask for them.
    private const string Permissions =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()";

    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy(context.CspNonce());
        headers["Permissions-Policy"] = Permissions;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        context.Response.OnStarting(() =>
        {
            // Pages and downloads hold people's data: no browser or proxy keeps a copy. Static files
            // (no endpoint) stay cacheable.
            if (context.GetEndpoint() is not null && !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
