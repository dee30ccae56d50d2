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
using Upward.Web.Scheduling;
using Upward.Web.Telemetry;

namespace Upward.Web.Startup;

internal static class ServiceRegistration
{
    public static void AddUpwardServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddUpwardDatabase(database);
        // Hosted services start in the order they are registered: the schema must exist before Data
        // Protection's own start-up service reads its key ring from the database, and before the set-up link is issued.
        services.AddHostedService<DatabasePreparation>();
        builder.AddUpwardDataProtection();

        services.AddIdentity<UpwardUser, IdentityRole<Guid>>(options =>
            {
                // NCSC guidance: length beats composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Guessing is throttled, not punished with lockout: see Pages/Account/SignInLimits.cs.
                // Lockout stays enabled only for accounts locked on purpose (imported pseudonymous people).
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<UpwardDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
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
            // Secure whenever the request is HTTPS, including behind a known proxy (see Proxies).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // A changed password, a removed passkey or a withdrawal renews the account's security stamp;
        // every other browser's cookie is checked against it at least this often (Identity's default
        // is 30 minutes), on the app's own clock so tests can move it.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.TimeProvider = clock;
        });
        services.AddOrganisationSignIn();
        services.AddSecondFactor();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.OrganisationAdmin, p => p.RequireRole(UpwardRoles.OrganisationAdmin));

        // No "Server: Kestrel": nothing tells a scanner what to try.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddUpwardForwardedHeaders(builder.Configuration);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false; // a trust's other services on sibling names are not ours to bind
        });

        // The antiforgery cookie is not Secure by default even over HTTPS.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddUpwardRateLimits(builder.Configuration);
        services.AddScoped<Upward.Web.Pages.Account.AccountLinks>();
        // Reset and confirmation links expire; a reset link also dies when used (it changes the security stamp).
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = Upward.Web.Pages.Account.AccountLinks.ResetLifetime);

        // Generated addresses keep their values' case: the routes are written in lower case already,
        // and a token in a path (an invitation, a colleague's or a calendar link) is case-sensitive.
        services.AddRouting(o => o.LowercaseUrls = false);
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

        // DatabasePreparation is registered first of all (above).
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
        services.AddScoped<Outbox>();
        services.AddScoped<PublicLinks>();
        services.AddSingleton<Upward.Web.Programmes.PageLinks>();
        services.AddScoped<Pages.Sessions.SessionInvitations>();
        services.AddScoped<ProgrammeInvitations>();
        services.AddScoped<AllocationFactsQuery>();
        services.AddScoped<Pages.Preparation.PreparationQueries>();
        services.AddScoped<Pages.Recognition.ParticipationQuery>();
        services.AddScoped<BundleExport>();
        services.AddScoped<BundleImport>();
        services.AddScoped<Upward.Web.Pages.FreeText.FreeTextAnswers>();
        services.AddScoped<Upward.Web.Pages.FreeText.ThemesTable>();
        services.AddScoped<Pages.Evaluation.Checklists.ChecklistSource>();
        services.Configure<Pages.Evaluation.EvaluationOptions>(builder.Configuration.GetSection(Pages.Evaluation.EvaluationOptions.Section));
        services.AddSingleton<Pages.Evaluation.EvaluationStore>();
        services.AddSingleton<Upward.Web.Pages.FreeText.ThemesTableStore>();
        services.AddScoped<Pages.Evaluation.LargeProgrammes>();
        services.AddScoped<Pages.Evaluation.EvaluationCalculations>();
        services.AddScoped<Pages.Evaluation.Report.BoardReportSource>();
        services.AddSingleton(TimeProvider.System);
        builder.AddUpwardScheduling();
        builder.AddUpwardTelemetry();
    }
}
