using Microsoft.AspNetCore.Mvc;

namespace Upward.Web.Identity.SecondFactor;

internal static class SecondFactorRegistration
{
    public static void AddSecondFactor(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(o => o.Filters.Add<SecondFactorSetupFilter>());
        services.AddScoped<SecondFactorAudit>();
    }
}
