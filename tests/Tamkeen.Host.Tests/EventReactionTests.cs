using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Tests;

/// <summary>Reactions to stored events: after the commit, once, retried after a failure, and still there after a restart.</summary>
public class EventReactionTests
{
    /// <summary>Reacts to a suggestion or complaint; fails as many times as it is told to first.</summary>
    private sealed class CountingReactor(int failures) : EventReactor<FeedbackSubmitted>
    {
        private int _failuresLeft = failures;
        public int Attempts;
        public List<string> Reacted { get; } = [];
        public override string Name => "test-feedback";

        protected override Task ReactAsync(StoredEvent stored, FeedbackSubmitted e, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Attempts);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0) throw new HttpRequestException("the webhook's server is down");
            lock (Reacted) Reacted.Add(e.Reference);
            return Task.CompletedTask;
        }
    }

    private static async Task SendSuggestionAsync(RunningService service)
    {
        using var visitor = service.NewVisitor();
        foreach (var text in new[] { "مرحبا", "5", "1", "أقترح مواعيد مسائية للمراجعين" }) await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();
    }

    private static async Task<int> ReactionTimersAsync(RunningService service)
    {
        await using var db = service.OpenDatabase();
        return await db.Timers.CountAsync(t => t.Kind == TimerKind.Reaction);
    }

    [Fact]
    public async Task A_suggestion_is_reacted_to_once_after_its_commit()
    {
        var reactor = new CountingReactor(failures: 0);
        await using var service = await RunningService.StartAsync(services: s => s.AddSingleton<IEventReactor>(reactor));
        await SendSuggestionAsync(service);

        await Eventually.UntilAsync(async () => await ReactionTimersAsync(service), n => n == 0, "the reaction to be done");
        await using var db = service.OpenDatabase();
        var stored = await db.Events.SingleAsync(e => e.Type == nameof(FeedbackSubmitted));
        Assert.Equal([(await db.Feedback.SingleAsync()).Reference], reactor.Reacted);
        Assert.Contains("أقترح مواعيد مسائية للمراجعين", stored.PayloadJson);
    }

    [Fact]
    public async Task A_failed_reaction_is_tried_again_after_a_backoff()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reactor = new CountingReactor(failures: 1);
        await using var service = await RunningService.StartAsync(time: clock, services: s => s.AddSingleton<IEventReactor>(reactor));
        await SendSuggestionAsync(service);
        await Eventually.UntilAsync(() => Volatile.Read(ref reactor.Attempts) == 1, "the first try");
        Assert.Empty(reactor.Reacted);

        clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.UntilAsync(async () => await ReactionTimersAsync(service), n => n == 0, "the second try to succeed");
        Assert.Single(reactor.Reacted);
        Assert.Equal(2, reactor.Attempts);
    }

    [Fact]
    public async Task A_reaction_not_done_before_a_stop_is_done_after_the_next_start()
    {
        var file = RunningService.NewDatabaseFile();
        var failing = new CountingReactor(failures: int.MaxValue);
        await using (var before = await RunningService.StartAsync(file, services: s => s.AddSingleton<IEventReactor>(failing)))
        {
            await SendSuggestionAsync(before);
            await Eventually.UntilAsync(() => Volatile.Read(ref failing.Attempts) >= 1, "the first try");
        }

        var working = new CountingReactor(failures: 0);
        await using var after = await RunningService.StartAsync(file, services: s => s.AddSingleton<IEventReactor>(working));
        await Eventually.UntilAsync(() => working.Reacted.Count == 1, "the reaction after the restart");
        Assert.Equal(0, await ReactionTimersAsync(after));
    }
}
