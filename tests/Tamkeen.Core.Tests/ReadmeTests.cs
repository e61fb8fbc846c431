namespace Tamkeen.Core.Tests;

public class ReadmeTests
{
    [Fact]
    public void Readme_shows_the_current_state_graph()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Tamkeen.sln"))) folder = folder.Parent;
        Assert.NotNull(folder);
        var readme = File.ReadAllText(Path.Combine(folder.FullName, "README.md")).ReplaceLineEndings("\n");
        var graph = new Chat().Engine.StateGraph().ReplaceLineEndings("\n").Trim();
        Assert.True(readme.Contains(graph, StringComparison.Ordinal),
            $"README.md must contain the state graph; paste this in its dot block:\n{graph}");
    }
}
