using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Tamkeen.Host.Tests;

/// <summary>A website-chat visitor asking for a member of staff: the way most case tests begin.</summary>
internal static class WebChatCases
{
    /// <summary>Wednesday 2 December 2026, 10:00 in Riyadh: working hours.</summary>
    public static FakeTimeProvider WorkingHours() => new(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero));

    /// <summary>The visitor greets, writes «موظف», then sends <paramref name="then"/>; returns the case's reference.</summary>
    public static async Task<string> AskForStaffAsync(RunningService service, HttpClient visitor, params string[] then)
    {
        await visitor.SendAsync("مرحبا");
        await visitor.SendAsync("موظف");
        await service.WaitUntilIdleAsync();
        foreach (var text in then)
        {
            await visitor.SendAsync(text);
            await service.WaitUntilIdleAsync();
        }
        await using var db = service.OpenDatabase();
        return (await db.Cases.SingleAsync()).Reference;
    }
}
