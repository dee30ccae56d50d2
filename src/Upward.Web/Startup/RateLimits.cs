using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Upward.Web.Pages.Account;

namespace Upward.Web.Startup;

/// <summary>
/// ASP.NET Core rate limiting for the account forms: posts per client address (after forwarded
/// headers, so behind a known proxy it is the person's address, not the proxy's). A refused post
/// gets 429 and the NHS status page. Wrong passwords per account are limited in <see cref="PasswordThrottle"/>.
/// </summary>
internal static class RateLimits
{
    /// <summary>The policy for sign-in, forgotten password and password reset; GETs are not limited.</summary>
    public const string AccountForms = "account-forms";

    public static void AddUpwardRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimits>(configuration.GetSection(SignInLimits.Section));
        services.AddScoped<PasswordThrottle>();
        services.AddScoped<DummyPassword>(); // Identity's password hasher is scoped
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccountForms, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reading");
                }
                var limits = context.RequestServices.GetRequiredService<IOptions<SignInLimits>>().Value;
                return RateLimitPartition.GetSlidingWindowLimiter(ClientAddress(context), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = limits.PostsPerAddress,
                    Window = limits.AddressWindow,
                    SegmentsPerWindow = 5,
                    QueueLimit = 0,
                });
            });
        });
    }

    /// <summary>The client's address as far as Upward can tell (a known proxy's X-Forwarded-For already applied).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
