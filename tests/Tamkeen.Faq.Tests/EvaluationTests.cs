using System.Globalization;
using Tamkeen.Core.Guide;

namespace Tamkeen.Faq.Tests;

/// <summary>
/// evaluation.tsv holds questions written apart from the guide's own ways of asking: paraphrases, dialect, typos,
/// English, and questions the guide does not cover ("-"). This is the guide's quality bar.
/// </summary>
public class EvaluationTests
{
    private const double MinimumTopOneAccuracy = 0.90;
    private const double MaximumOutOfScopeAnswered = 0.05;

    [Fact]
    public void The_guide_answers_the_evaluation_questions_well_enough()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "evaluation.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => (Expected: cells[0], Question: cells[1], Match: Guide.Shipped.Ask(cells[1])))
            .ToList();
        var inScope = rows.Where(r => r.Expected != "-").ToList();
        var outOfScope = rows.Where(r => r.Expected == "-").ToList();
        Assert.True(inScope.Count >= 150 && outOfScope.Count >= 30, $"{inScope.Count} in scope, {outOfScope.Count} out of scope");

        var correct = inScope.Count(r => r.Match.Best?.Id == r.Expected);
        var answeredOutOfScope = outOfScope.Count(r => r.Match.Decision == GuideDecision.Answer);
        var accuracy = (double)correct / inScope.Count;
        var falseAnswers = (double)answeredOutOfScope / outOfScope.Count;

        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"top-1 accuracy {accuracy:P1} ({correct}/{inScope.Count}); out-of-scope answered {falseAnswers:P1} ({answeredOutOfScope}/{outOfScope.Count})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"decisions in scope: {string.Join(", ", inScope.GroupBy(r => r.Match.Decision).Select(g => $"{g.Key} {g.Count()}"))}"));
        foreach (var miss in inScope.Where(r => r.Match.Best?.Id != r.Expected))
            output.WriteLine($"missed: {miss.Question} → expected {miss.Expected}, got {miss.Match.Best?.Id ?? "nothing"} ({miss.Match.Decision}, {miss.Match.Score})");
        foreach (var wrong in outOfScope.Where(r => r.Match.Decision == GuideDecision.Answer))
            output.WriteLine($"answered out of scope: {wrong.Question} → {wrong.Match.Best?.Id} ({wrong.Match.Score})");

        Assert.True(accuracy >= MinimumTopOneAccuracy, $"top-1 accuracy {accuracy:P1} is below {MinimumTopOneAccuracy:P0}");
        Assert.True(falseAnswers <= MaximumOutOfScopeAnswered, $"{falseAnswers:P1} of out-of-scope questions were answered (limit {MaximumOutOfScopeAnswered:P0})");
    }
}
