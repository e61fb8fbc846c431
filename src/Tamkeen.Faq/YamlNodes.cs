using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tamkeen.Faq;

/// <summary>Reading YAML nodes with errors that name the file and line, for files staff edit by hand.</summary>
internal sealed class YamlNodes(string fileName)
{
    public YamlMappingNode LoadRoot(string yaml)
    {
        CheckSyntax(yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new GuideFormatException($"{fileName}, line 1: expected 'key: value' lines at the top level.");
        return root;
    }

    /// <summary>
    /// Reads the file event by event so that a syntax error names a line, even where YamlDotNet's scanner fails
    /// without a position (it throws InvalidOperationException on some unclosed brackets).
    /// </summary>
    private void CheckSyntax(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var lastGood = 1L;
        try
        {
            while (parser.MoveNext()) lastGood = parser.Current!.End.Line;
        }
        catch (YamlException e)
        {
            throw new GuideFormatException($"{fileName}, line {e.Start.Line}: {(e.InnerException ?? e).Message}");
        }
        catch (InvalidOperationException)
        {
            throw new GuideFormatException($"{fileName}, line {lastGood}: this line or the next is not valid YAML (an unclosed bracket or quote?).");
        }
    }

    public GuideFormatException Error(YamlNode node, string message) => new($"{fileName}, line {node.Start.Line}: {message}");

    public Dictionary<string, YamlNode> Fields(YamlNode node, string what, string[] required, string[] optional)
    {
        if (node is not YamlMappingNode map) throw Error(node, $"{what} must be a set of 'key: value' lines.");
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = ((key as YamlScalarNode)?.Value ?? "").Trim();
            if (!required.Contains(name) && !optional.Contains(name))
                throw Error(key, $"unknown key '{name}' in {what}; expected {string.Join(", ", required.Concat(optional))}.");
            fields[name] = value;
        }
        foreach (var name in required)
        {
            if (!fields.ContainsKey(name)) throw Error(node, $"{what} has no '{name}'.");
        }
        return fields;
    }

    public string Text(YamlNode node, string what)
    {
        var text = (node as YamlScalarNode)?.Value?.Trim();
        return string.IsNullOrEmpty(text) ? throw Error(node, $"{what} is empty or not text.") : text;
    }

    public List<string> TextList(YamlNode node, string what)
    {
        if (node is not YamlSequenceNode list) throw Error(node, $"{what} must be a list of '- ' lines.");
        return list.Children.Select(item => Text(item, $"an item of {what}")).ToList();
    }
}
