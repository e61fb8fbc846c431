using Tamkeen.Faq;

namespace Tamkeen.Faq.Tests;

/// <summary>The guide as shipped in content/guide, loaded once for all tests.</summary>
public static class Guide
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "content", "guide");

    public static GuideSearch Shipped { get; } = GuideFolder.Load(Folder, new GuideThresholds());
}
