using Microsoft.Extensions.Options;

namespace Upward.Web.Email;

/// <summary>Absolute links for email: the configured public address, or the address of the current request.</summary>
public sealed class PublicLinks(IOptions<EmailOptions> options, IHttpContextAccessor http)
{
    public string To(string path)
    {
        var configured = options.Value.PublicBaseUrl;
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : http.HttpContext is { } context ? $"{context.Request.Scheme}://{context.Request.Host}" : "http://127.0.0.1:5000";
        return baseUrl.TrimEnd('/') + path;
    }
}
