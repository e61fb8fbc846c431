using System.Text.Json;
using System.Text.Json.Nodes;
using Tamkeen.Host.Content;

namespace Tamkeen.Host.Tests;

public class SmsReportTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SmsReportCommand.RunAsync(["report", .. args], output, error);
        return (exit, output + error.ToString());
    }

    [Fact]
    public async Task The_shipped_content_is_within_the_budget_and_every_text_and_guide_answer_is_listed()
    {
        var (exit, output) = await RunAsync();
        Assert.Equal(0, exit);
        Assert.Matches(@"\nWelcome +ar +\d+ +UCS-2 +1\n", output);
        Assert.Matches(@"\nguide working-hours +en +\d+ +GSM-7 +\d\n", output);
        foreach (var key in Enum.GetValues<Core.Conversations.TextKey>())
        {
            Assert.Matches($@"\n{key} +ar +\d+", output);
            Assert.Matches($@"\n{key} +en +\d+", output);
        }
        Assert.Contains($"All {Rows(output)} messages are within 4 segments.", output, StringComparison.Ordinal);
    }

    private static int Rows(string output) =>
        System.Text.RegularExpressions.Regex.Count(output, @"^(guide )?\S+ +(ar|en) +\d+ +(UCS-2|GSM-7) +\d+", System.Text.RegularExpressions.RegexOptions.Multiline);

    [Fact]
    public async Task A_text_above_the_budget_is_named_and_fails_the_command()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tamkeen-tests", Guid.NewGuid().ToString("N"), "content");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "content"), folder);
        var smsArabic = Path.Combine(folder, "texts", "sms", "ar.json");
        var texts = JsonNode.Parse(await File.ReadAllTextAsync(smsArabic, TestContext.Current.CancellationToken))!.AsObject();
        texts["Welcome"] = string.Concat(Enumerable.Repeat("مرحباً بك في جمعية تمكين الأسرة. ", 10));
        await File.WriteAllTextAsync(smsArabic, texts.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            TestContext.Current.CancellationToken);

        var (exit, output) = await RunAsync($"--Content:Path={folder}");
        Assert.Equal(1, exit);
        Assert.Matches(@"\nWelcome +ar +330 +UCS-2 +5  above the budget\n", output);
        Assert.Contains($"1 of {Rows(output)} messages are above 4 segments", output, StringComparison.Ordinal);

        (exit, _) = await RunAsync($"--Content:Path={folder}", "--Sms:SegmentBudget=5");
        Assert.Equal(0, exit);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
