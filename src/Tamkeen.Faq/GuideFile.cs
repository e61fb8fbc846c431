using System.Text.RegularExpressions;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Guide;
using YamlDotNet.RepresentationModel;

namespace Tamkeen.Faq;

/// <summary>Reads guide.yaml, checking every entry; the first mistake stops the load, naming its line.</summary>
public static partial class GuideFile
{
    public const int MaxAnswerLength = 1000;
    private const int MinQuestions = 4;

    public static IReadOnlyList<GuideEntry> Parse(string yaml, string fileName = "guide.yaml")
    {
        var nodes = new YamlNodes(fileName);
        var root = nodes.Fields(nodes.LoadRoot(yaml), "the guide", ["entries"], ["sample"]);
        if (root["entries"] is not YamlSequenceNode list || list.Children.Count == 0)
            throw nodes.Error(root["entries"], "'entries' must be a list of entries, each starting with '- id:'.");

        var entries = new List<GuideEntry>();
        var relatedNodes = new List<(YamlNode Node, string Id)>();
        var lineOf = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var node in list.Children)
        {
            var entry = ParseEntry(nodes, node, out var related);
            if (lineOf.TryGetValue(entry.Id, out var first))
                throw nodes.Error(node, $"the id '{entry.Id}' is used twice (first at line {first.Start.Line}).");
            lineOf[entry.Id] = node;
            entries.Add(entry);
            relatedNodes.AddRange(related);
        }
        foreach (var (node, id) in relatedNodes)
        {
            if (!lineOf.ContainsKey(id)) throw nodes.Error(node, $"'related' names '{id}', which is not an entry id.");
        }
        return entries;
    }

    private static GuideEntry ParseEntry(YamlNodes nodes, YamlNode node, out List<(YamlNode, string)> related)
    {
        var fields = nodes.Fields(node, "an entry", ["id", "title", "questions", "answer"], ["sms", "related"]);
        var id = nodes.Text(fields["id"], "id");
        if (!IdPattern().IsMatch(id)) throw nodes.Error(fields["id"], $"the id '{id}' must be lower-case words joined by '-', e.g. food-baskets.");

        var title = PerLanguage(nodes, fields["title"], $"the title of '{id}'", n => nodes.Text(n, $"the title of '{id}'"));
        var answer = PerLanguage(nodes, fields["answer"], $"the answer of '{id}'", n =>
        {
            var text = nodes.Text(n, $"the answer of '{id}'");
            return text.Length <= MaxAnswerLength ? text
                : throw nodes.Error(n, $"the answer of '{id}' has {text.Length} characters; keep it within {MaxAnswerLength} (one message).");
        });
        var questions = PerLanguage<IReadOnlyList<string>>(nodes, fields["questions"], $"the questions of '{id}'",
            n => nodes.TextList(n, $"the questions of '{id}'"));
        if (questions.Values.Sum(q => q.Count) < MinQuestions)
            throw nodes.Error(fields["questions"], $"'{id}' needs at least {MinQuestions} ways of asking (Arabic and English together).");

        var sms = fields.TryGetValue("sms", out var smsNode) ? SmsAnswers(nodes, smsNode, id, answer) : null;

        related = [];
        if (fields.TryGetValue("related", out var relatedNode))
        {
            if (relatedNode is not YamlSequenceNode relatedList) throw nodes.Error(relatedNode, $"'related' of '{id}' must be a list of ids.");
            foreach (var item in relatedList.Children) related.Add((item, nodes.Text(item, $"an item of 'related' of '{id}'")));
        }
        return new GuideEntry(id, title, questions, answer, related.Select(r => r.Item2).ToList(), sms);
    }

    /// <summary>The short SMS answer: "ar:" and/or "en:", each shorter than the full answer it stands for.</summary>
    private static Dictionary<Language, string> SmsAnswers(YamlNodes nodes, YamlNode node, string id, Dictionary<Language, string> answer)
    {
        var fields = nodes.Fields(node, $"the SMS answer of '{id}'", [], ["ar", "en"]);
        if (fields.Count == 0) throw nodes.Error(node, $"the SMS answer of '{id}' needs 'ar:' or 'en:' (or leave 'sms' out).");
        var sms = new Dictionary<Language, string>();
        foreach (var (name, value) in fields)
        {
            var language = name == "ar" ? Language.Arabic : Language.English;
            var text = nodes.Text(value, $"the SMS answer of '{id}' ({name})");
            if (text.Length >= answer[language].Length)
                throw nodes.Error(value, $"the SMS answer of '{id}' ({name}) has {text.Length} characters, no fewer than the full answer ({answer[language].Length}); it is meant to be the short one.");
            sms[language] = text;
        }
        return sms;
    }

    /// <summary>An "ar:" and an "en:" value.</summary>
    private static Dictionary<Language, T> PerLanguage<T>(YamlNodes nodes, YamlNode node, string what, Func<YamlNode, T> read)
    {
        var fields = nodes.Fields(node, what, ["ar", "en"], []);
        return new Dictionary<Language, T> { [Language.Arabic] = read(fields["ar"]), [Language.English] = read(fields["en"]) };
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
