using System.Reflection;
using System.Text.Json.Nodes;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Tests;

public class SettingsDocumentationTests
{
    /// <summary>An operator reads appsettings.example.json to learn every setting; each one must be there, documented.</summary>
    [Fact]
    public void Every_setting_is_in_the_example_file_with_a_comment()
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(Emulators.RepositoryRoot, "appsettings.example.json")))!.AsObject();

        var optionTypes = typeof(DispatchOptions).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(DispatchOptions).Namespace && t.GetField("Section") is not null);
        var missing = new List<string>();
        foreach (var type in optionTypes)
        {
            var section = (string)type.GetField("Section")!.GetValue(null)!;
            var documented = example[section] as JsonObject;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                if (documented?[property.Name] is null) missing.Add($"{section}:{property.Name}");
                else if (documented[$"//{property.Name}"] is null && documented["//"] is null) missing.Add($"{section}://{property.Name} (comment)");
            }
        }
        Assert.Empty(missing);
    }
}
