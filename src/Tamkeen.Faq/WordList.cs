using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Tamkeen.Faq;

/// <summary>
/// words.yaml: per language, dialect words and synonyms mapped to the word the guide uses ("same:"), and filler
/// words that carry no meaning in a question ("ignore:"). Everything is normalised as questions are.
/// </summary>
public sealed record WordList(
    IReadOnlyDictionary<Language, IReadOnlyDictionary<string, string>> Same,
    IReadOnlyDictionary<Language, IReadOnlyList<string>> Ignore)
{
    public static WordList Empty { get; } = new(
        new Dictionary<Language, IReadOnlyDictionary<string, string>>(), new Dictionary<Language, IReadOnlyList<string>>());

    public static WordList Parse(string yaml, string fileName = "words.yaml")
    {
        var nodes = new YamlNodes(fileName);
        var languages = nodes.Fields(nodes.LoadRoot(yaml), "the word list", [], ["ar", "en"]);
        var same = new Dictionary<Language, IReadOnlyDictionary<string, string>>();
        var ignore = new Dictionary<Language, IReadOnlyList<string>>();
        foreach (var (code, node) in languages)
        {
            var language = code == "ar" ? Language.Arabic : Language.English;
            var fields = nodes.Fields(node, $"'{code}'", [], ["same", "ignore"]);
            same[language] = fields.TryGetValue("same", out var sameNode) ? ReadSame(nodes, sameNode, code) : new Dictionary<string, string>();
            ignore[language] = fields.TryGetValue("ignore", out var ignoreNode)
                ? nodes.TextList(ignoreNode, $"'{code}: ignore'").Select(w => SingleWord(nodes, ignoreNode, w)).ToList()
                : [];
        }
        return new WordList(same, ignore);
    }

    private static Dictionary<string, string> ReadSame(YamlNodes nodes, YamlNode node, string code)
    {
        if (node is not YamlMappingNode map) throw nodes.Error(node, $"'{code}: same' must be 'word: the word it means' lines.");
        var same = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var from = ArabicText.Normalize(nodes.Text(key, "a word"));
            var to = ArabicText.Normalize(nodes.Text(value, $"the meaning of '{from}'"));
            if (from.Length == 0 || to.Length == 0) throw nodes.Error(key, "a word or its meaning has no letters.");
            if (!same.TryAdd(from, to)) throw nodes.Error(key, $"'{from}' is listed twice.");
        }
        return same;
    }

    private static string SingleWord(YamlNodes nodes, YamlNode node, string word)
    {
        var normalized = ArabicText.Normalize(word);
        return normalized.Length > 0 && !normalized.Contains(' ', StringComparison.Ordinal)
            ? normalized : throw nodes.Error(node, $"'{word}' in 'ignore' must be a single word.");
    }
}
