using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tamkeen.Core.Guide;

namespace Tamkeen.Host.Content;

/// <summary>
/// <c>faq ask [--json] [settings…]</c>: reads one question per line from standard input and prints what the bot
/// would decide, using the service's own guide and thresholds (settings as for the service, e.g. --Content:Path=…).
/// </summary>
public static class FaqCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args is not ["ask", .. var rest])
        {
            await error.WriteLineAsync("usage: faq ask [--json] [--Content:Path=folder] < questions.txt");
            return 2;
        }
        var json = rest.Contains("--json");
        var settings = rest.Where(a => a != "--json").ToArray();

        IGuide guide;
        WebApplication app;
        try
        {
            app = TamkeenApp.Build(settings, builder => builder.Logging.ClearProviders());
            guide = app.Services.GetRequiredService<IGuide>();
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        await using (app)
        {
            while (await input.ReadLineAsync() is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var match = guide.Ask(line.Trim());
                await output.WriteLineAsync(json ? AsJson(match) : AsText(match));
            }
        }
        return 0;
    }

    private static string AsJson(GuideMatch match) => JsonSerializer.Serialize(new
    {
        question = match.Question,
        decision = match.Decision.ToString().ToLowerInvariant(),
        entryId = match.Decision == GuideDecision.Fallback ? null : match.Best?.Id,
        score = match.Score,
        suggestions = match.Suggestions.Select(e => e.Id).ToList(),
    }, Json);

    private static string AsText(GuideMatch match)
    {
        var score = match.Score.ToString("0.00", CultureInfo.InvariantCulture);
        return match.Decision switch
        {
            GuideDecision.Answer => $"Q: {match.Question}\nanswer: {match.Best!.Id} (score {score})\n{match.Best.Answer[match.Language]}\n",
            GuideDecision.Suggest => $"Q: {match.Question}\nsuggest (score {score}):\n"
                                     + string.Join("\n", match.Suggestions.Select((e, i) => $"  {i + 1}. {e.Title[match.Language]} [{e.Id}]")) + "\n",
            _ => $"Q: {match.Question}\nfallback (score {score}): not sure, offers a staff member\n",
        };
    }
}
