using Upward.Web.Pages.Notifications;
using Upward.Web.Pages.Timeline;

namespace Upward.Web.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>The scheduler, its jobs, and the notifications they find and send.</summary>
    public static void AddUpwardScheduling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SchedulerOptions>(builder.Configuration.GetSection(SchedulerOptions.Section));
        services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<Scheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
        services.AddScoped<IScheduledJob, TimelineJob>();
        services.AddScoped<IScheduledJob, ReminderJob>();
        services.AddScoped<IScheduledJob, DeliveryJob>();
        services.AddScoped<IScheduledJob, Upward.Web.Pages.Waitlist.SteppedWedgeJob>();

        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<NotificationQueue>();
        services.AddScoped<NotificationSender>();
        services.AddScoped<StillDue>();
        services.AddScoped<QuestionnaireNotices>();
        services.AddScoped<PairNotices>();
        services.AddScoped<InvitationReminders>();
        services.AddScoped<WeeklyDigest>();
        services.AddScoped<UnreadNotifications>();
        services.AddHealthChecks().AddCheck<SchedulerHeartbeat>("scheduler", tags: ["scheduler"]);
    }
}
