namespace Tamkeen.Host.Reports;

/// <summary>
/// How long something took over a set of rows: how many, the median and the 90th percentile, in hours. Nearest rank: the
/// median is the ⌈n/2⌉-th smallest, the 90th percentile the ⌈0.9 n⌉-th smallest, so each is a time that really happened.
/// </summary>
public sealed record Durations(int Count, double? MedianHours, double? P90Hours)
{
    public static Durations Of(IEnumerable<TimeSpan> spans)
    {
        var sorted = spans.Order().ToList();
        return new(sorted.Count, Rank(sorted, 50), Rank(sorted, 90));
    }

    // The rank in whole numbers: ⌈percent × n / 100⌉ without floating point, which would make 0.9 × 10 a little over 9.
    private static double? Rank(List<TimeSpan> sorted, int percent) =>
        sorted.Count == 0 ? null : Math.Round(sorted[(percent * sorted.Count + 99) / 100 - 1].TotalHours, 2);
}
