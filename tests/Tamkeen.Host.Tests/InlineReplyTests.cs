using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>
/// The hand-over between a webhook's answer and its message's step: whichever way the race between the step's commit,
/// the answer's wait and a closed connection ends, the reply is carried once or sent the usual way, never neither.
/// </summary>
public class InlineReplyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    private static OutboxMessage Reply() => new() { Channel = Channel.Telegram, Address = "7001", Text = "مرحباً بك" };

    private static InlineReply Queued()
    {
        var inline = new InlineReply();
        inline.Queued();
        return inline;
    }

    [Fact]
    public async Task A_step_slower_than_the_wait_cannot_take_the_answer_and_sends_its_reply_itself()
    {
        var clock = new FakeTimeProvider();
        var inline = Queued();
        var waiting = inline.WaitAsync(Wait, clock, _ => Assert.Fail("nothing was taken"), TestContext.Current.CancellationToken);
        clock.Advance(Wait);

        Assert.Null(await waiting);
        Assert.False(inline.TryTake());
    }

    [Fact]
    public async Task A_step_that_took_the_answer_just_before_the_wait_ended_is_carried_once_committed()
    {
        var clock = new FakeTimeProvider();
        var inline = Queued();
        var waiting = inline.WaitAsync(Wait, clock, _ => Assert.Fail("the answer carried it"), TestContext.Current.CancellationToken);
        Assert.True(inline.TryTake());
        clock.Advance(Wait);
        Assert.False(waiting.IsCompleted); // its commit is under way

        var reply = Reply();
        inline.Deliver(reply);
        Assert.Same(reply, await waiting);
    }

    [Fact]
    public async Task A_reply_taken_for_an_answer_whose_connection_closed_is_handed_back_to_be_sent()
    {
        var inline = Queued();
        using var closed = new CancellationTokenSource();
        var handedBack = new TaskCompletionSource<OutboxMessage>();
        var waiting = inline.WaitAsync(Wait, TimeProvider.System, handedBack.SetResult, closed.Token);
        Assert.True(inline.TryTake());
        await closed.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        var reply = Reply();
        inline.Deliver(reply);
        Assert.Same(reply, await handedBack.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_answer_whose_connection_closed_before_the_step_leaves_the_reply_to_the_step()
    {
        var inline = Queued();
        using var closed = new CancellationTokenSource();
        var waiting = inline.WaitAsync(Wait, TimeProvider.System, _ => Assert.Fail("nothing was taken"), closed.Token);
        await closed.CancelAsync();

        Assert.Null(await waiting);
        Assert.False(inline.TryTake());
    }

    [Fact]
    public async Task A_message_that_joined_no_lane_is_answered_at_once()
    {
        Assert.Null(await new InlineReply().WaitAsync(Wait, new FakeTimeProvider(), _ => { }, TestContext.Current.CancellationToken));
    }
}
