using System.Globalization;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Guide;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Text;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Content;

/// <summary>
/// <c>sms report [settings…]</c>: every bot text and guide answer as sent by SMS, with its characters, encoding and
/// segments, and the largest; exits with 1 when one is above Sms:SegmentBudget, so that staff editing the content
/// (or CI) learn it before a person pays for it. Settings as for the service, e.g. --Content:Path=….
/// </summary>
public static class SmsReportCommand
{
    private static readonly DateTimeOffset SampleDue = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private sealed record Row(string Name, Language Language, string Text)
    {
        public int Segments { get; } = SmsSegments.Count(Text);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["report", .. var settings])
        {
            await error.WriteLineAsync("usage: sms report [--Content:Path=folder] [--Sms:SegmentBudget=4]");
            return 2;
        }

        List<Row> rows;
        int budget;
        try
        {
            await using var app = TamkeenApp.Build(settings, builder => builder.Logging.ClearProviders());
            budget = app.Services.GetRequiredService<IOptions<SmsOptions>>().Value.SegmentBudget;
            var content = app.Services.GetRequiredService<BotContent>();
            rows = [.. TextRows(content), .. GuideRows(content.Texts, app.Services.GetRequiredService<LiveGuide>().Entries)];
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }

        await output.WriteLineAsync($"Bot messages as sent by SMS (budget {budget} segments; GSM-7: 160 characters, 153 each when split; UCS-2: 70, 67 each when split).");
        await output.WriteLineAsync("Placeholders are filled with sample values: a reference, a due date, the longest service title and status.");
        await output.WriteLineAsync("Guide answers are shown with the \"did this help?\" question and its choices, as they are sent.");
        await output.WriteLineAsync();
        var width = rows.Max(r => r.Name.Length);
        await output.WriteLineAsync($"{"message".PadRight(width)}  lang  chars  encoding  segments");
        foreach (var row in rows)
        {
            var over = row.Segments > budget ? "  above the budget" : "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{row.Name.PadRight(width)}  {Code(row.Language),-4}  {row.Text.Length,5}  {(SmsSegments.IsGsm7(row.Text) ? "GSM-7" : "UCS-2"),-8}  {row.Segments,8}{over}"));
        }
        var largest = rows.MaxBy(r => (r.Segments, r.Text.Length))!;
        var above = rows.Count(r => r.Segments > budget);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Largest: {largest.Name} ({Code(largest.Language)}), {largest.Segments} segments, {largest.Text.Length} characters.");
        await output.WriteLineAsync(above == 0
            ? $"All {rows.Count} messages are within {budget} segments."
            : $"{above} of {rows.Count} messages are above {budget} segments: shorten their SMS wording (content/texts/sms/, or 'sms:' in the guide).");
        return above == 0 ? 0 : 1;
    }

    private static IEnumerable<Row> TextRows(BotContent content)
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            foreach (var key in Enum.GetValues<TextKey>())
                yield return new Row(key.ToString(), language, WithSamples(content.Texts[language, key, Channel.Sms], language, content));
        }
    }

    /// <summary>Each answer as the conversation sends it by SMS: the short answer, then "did this help?" with its choices.</summary>
    private static IEnumerable<Row> GuideRows(BotTexts texts, IReadOnlyList<GuideEntry> entries)
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            string T(TextKey key) => texts[language, key, Channel.Sms];
            foreach (var entry in entries)
            {
                var sent = NumberedText.Render($"{entry.AnswerFor(language, Channel.Sms)}\n\n{T(TextKey.AnswerHelpful)}",
                    [new("1", T(TextKey.AnswerYes)), new("2", T(TextKey.AnswerNo)), new("3", T(TextKey.ButtonTalkToStaff))]);
                yield return new Row($"guide {entry.Id}", language, sent);
            }
        }
    }

    private static string WithSamples(string text, Language language, BotContent content)
    {
        var reference = language == Language.Arabic ? "\u2066TMK-2611-00042\u2069" : "TMK-2611-00042";
        var service = content.Services.Services.Select(s => s.Title[language]).MaxBy(t => t.Length) ?? "";
        var status = Enum.GetValues<RequestStatus>().Select(s => content.Texts[language, Enum.Parse<TextKey>($"Status{s}"), Channel.Sms]).MaxBy(t => t.Length) ?? "";
        return text
            .Replace("{reference}", reference, StringComparison.Ordinal)
            .Replace("{due}", DueDate.Describe(SampleDue, language), StringComparison.Ordinal)
            .Replace("{service}", service, StringComparison.Ordinal)
            .Replace("{status}", status, StringComparison.Ordinal)
            .Replace("{limit}", "2,000", StringComparison.Ordinal)
            .Replace("{count}", "3", StringComparison.Ordinal)
            .Replace("{note}", language == Language.Arabic ? "نرجو إرسال صورة عقد الإيجار." : "Please send a photo of the lease.", StringComparison.Ordinal)
            .Replace("{reply}", language == Language.Arabic ? "نعتذر عن التأخير، وسيتواصل معك الباحث غداً." : "We are sorry for the delay; the caseworker will call you tomorrow.",
                StringComparison.Ordinal);
    }

    private static string Code(Language language) => language == Language.Arabic ? "ar" : "en";
}
