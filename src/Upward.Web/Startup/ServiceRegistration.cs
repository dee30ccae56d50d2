using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Upward.Data.Evaluation;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Demo;
using Upward.Web.Email;
using Upward.Web.Pages.People;
using Upward.Web.Pages.Allocation;
using Upward.Web.Pages.Sessions;
using Upward.Web.FirstRun;
using Upward.Web.Identity;
using Upward.Web.Identity.OrganisationSignIn;
using Upward.Web.Identity.SecondFactor;
using Upward.Web.Programmes;

namespace Upward.Web.Startup;

internal static class ServiceRegistration
{
    public static void AddUpwardServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddUpwardDatabase(database);

        services.AddIdentity<UpwardUser, IdentityRole<Guid>>(options =>
            {
                // NCSC guidance: length beats composition rules, and lock out guessing.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<UpwardDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<UpwardSignInManager>()
            .AddClaimsPrincipalFactory<UpwardClaimsFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "upward.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddOrganisationSignIn();
        services.AddSecondFactor();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.OrganisationAdmin, p => p.RequireRole(UpwardRoles.OrganisationAdmin));

        services.AddRouting(o => o.LowercaseUrls = true);
        // Razor Pages check the antiforgery token on every POST by default; only the error pages opt out.
        // Every programme page is entered through the gate with the capability it declares.
        services.AddScoped<ProgrammeEntryFilter>();
        services.AddRazorPages().AddMvcOptions(o => o.Filters.AddService<ProgrammeEntryFilter>());
        services.Configure<MvcOptions>(o =>
        {
            // Model binding's own words ("The value 'x' is not valid for Y") are not plain English.
            o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((_, _) => "Enter a whole number, like 3");
            o.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(_ => "Enter a whole number, like 3");
            o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(_ => "Enter a valid value");
        });
        services.AddProblemDetails();
        services.AddHealthChecks().AddDbContextCheck<UpwardDbContext>("database", tags: ["ready"]);

        // Order matters: the schema must exist before the set-up link is issued.
        services.AddHostedService<DatabasePreparation>();
        services.AddSingleton<Upward.Data.PhaseOne.IBallotSeal, Pages.PhaseOne.ContributionSeal>();
        services.AddHostedService<Pages.PhaseOne.PendingBallotRelease>();
        services.AddScoped<SetupLinks>();
        services.AddHostedService<SetupLinkAnnouncer>();
        services.AddScoped<DemoProgramme>();
        services.AddScoped<DemoPilotEvaluation>();
        services.AddScoped<ProgrammeGate>();
        services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<Mailer>();
        services.AddScoped<PublicLinks>();
        services.AddScoped<ProgrammeInvitations>();
        services.AddScoped<AllocationFactsQuery>();
        services.AddScoped<BundleExport>();
        services.AddScoped<BundleImport>();
        services.AddScoped<Upward.Web.Pages.FreeText.FreeTextAnswers>();
        services.AddScoped<Upward.Web.Pages.FreeText.ThemesTable>();
        services.AddSingleton(TimeProvider.System);
    }
}
