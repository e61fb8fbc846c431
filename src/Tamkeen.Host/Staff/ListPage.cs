using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Tamkeen.Host.Staff;

/// <summary>One page of a long console list: its rows, which page it is, and how many rows the whole list has.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Number, int Total)
{
    public int Pages => Paging.PagesFor(Total);

    public ListPage<TOut> With<TOut>(IReadOnlyList<TOut> items) => new(items, Number, Total);
}

public static class Paging
{
    public const int PageSize = 50;

    /// <summary>The page number of a query string's <c>page</c>; anything but a number is no number, the first page.</summary>
    public static int? Parse(string? page) => int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static int PagesFor(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>The page asked for, kept within the pages there are: no number, or one past the end, is still a page.</summary>
    public static int Within(int? number, int total) => Math.Clamp(number ?? 1, 1, PagesFor(total));

    /// <summary>Counts and pages in the database: only the page's rows are read.</summary>
    public static async Task<ListPage<T>> PageAsync<T>(this IQueryable<T> ordered, int? number, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var page = Within(number, total);
        return new ListPage<T>(await ordered.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct), page, total);
    }
}
