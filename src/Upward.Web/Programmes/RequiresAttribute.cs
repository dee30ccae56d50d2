using System.Reflection;
using Upward.Core.Programmes;

namespace Upward.Web.Programmes;

/// <summary>
/// The capability a programme page needs, declared once on the page model (or on a base class
/// that a group of pages shares). A handler method may declare its own, which then replaces the
/// page's: the people board is read with one capability and changed with another.
/// <see cref="ProgrammeEntryFilter"/> applies it before any handler runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class RequiresAttribute(ProgrammeCapability capability) : Attribute
{
    public ProgrammeCapability Capability { get; } = capability;

    /// <summary>What a handler of this page model needs: the handler's own declaration, else the page's; null when neither declares one.</summary>
    public static ProgrammeCapability? Of(Type pageModel, MethodInfo? handler) =>
        (handler?.GetCustomAttribute<RequiresAttribute>() ?? pageModel.GetCustomAttribute<RequiresAttribute>(inherit: true))?.Capability;
}
