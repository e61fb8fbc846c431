using System.Diagnostics;
using System.Globalization;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Content;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Right after start, walks throwaway conversations through the main steps once (menu, a guide question, a request
/// form, feedback, follow-up, both languages), with the records those steps read, and drops what they answer. The
/// published service compiles each method fully on its first call (tiered compilation is off, see the README), so
/// without this the first people to write after a start would wait for that: about a quarter of a second of
/// compiling for the conversation alone, spread over their first replies. It writes nothing, and reads no one's records (key 0, a reference of year 0000).
/// </summary>
public sealed class ConversationWarmUp(BotContent content, ConversationFactsLoader facts, ILogger<ConversationWarmUp> logger) : BackgroundService
{
    private static readonly string[][] Walks =
    [
        ["/start", "1", "ما هي الأوراق المطلوبة للتسجيل؟", "1", "2", "1", "أحمد محمد", "١٠١٢٣٤٥٦٧٤", "0551234567", "بريدة", "تخطي", "1"],
        ["مرحبا", "٥", "1", "أقترح تمديد ساعات العمل", "3", "TMK-0000-00000", "قائمة", "شكراً"],
        ["english", "hello", "1", "how do I register?", "2", "menu", "2", "1", "x", "123", "عربي"],
    ];

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the walk is over (or has failed, which is only logged).</summary>
    public Task Done => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var number = 0;
            foreach (var channel in new[] { Channel.Telegram, Channel.Sms })
            foreach (var walk in Walks)
            {
                // Nobody's: no stored record has the key 0, so the records the steps read are empty.
                var conversation = new Conversation { BeneficiaryId = 0 };
                foreach (var text in walk)
                {
                    var input = new PersonWrote((number++).ToString(CultureInfo.InvariantCulture), channel, DateTimeOffset.UnixEpoch, text, null, []);
                    var known = await facts.LoadAsync(ConversationEngine.Needs(conversation, input), 0, stoppingToken);
                    content.Engine.Handle(conversation, input, known);
                }
            }
            logger.LogInformation("Conversation warmed up in {Milliseconds} ms", clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The conversation warm-up failed; the first replies after start may be slower");
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
