using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>
/// Stores one Telegram update in the inbox; the poller and the webhook both hand updates here and acknowledge
/// Telegram after this returns. A button press is then answered and its keyboard removed, off this path.
/// </summary>
public sealed class TelegramUpdateIntake(TelegramUpdateReader reader, MessageIntake intake, TelegramCallbackQueue callbacks,
    IEnumerable<ITelegramStaffUpdates> staff, ILogger<TelegramUpdateIntake> logger)
{
    /// <summary>What the bot asks Telegram for; everything else is never delivered.</summary>
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    /// <param name="inline">Webhook mode: the call's answer, waiting to carry the reply (<see cref="InlineReply"/>).</param>
    /// <returns>False when the service is too busy to take it now: Telegram is to deliver it again later.</returns>
    public async Task<bool> AcceptAsync(Update update, InlineReply? inline, CancellationToken cancellationToken)
    {
        if (TelegramUpdateReader.MissingPart(update) is { } missing)
        {
            logger.LogWarning("Dropped Telegram update {UpdateId}, which has no {MissingPart}", update.Id, missing);
            return true;
        }
        foreach (var desk in staff)
            if (await desk.TryTakeAsync(update, cancellationToken)) return true;
        // A message is known by its update, which Telegram delivers again only when the answer did not reach it, so the
        // reply that answer carried can go again. A press is known by the message and button pressed, so a press
        // delivered again cannot be told from a second press: its reply is sent on its own.
        if (update.Message is null) inline = null;
        if (await reader.ReadAsync(update, cancellationToken) is { } inbound)
        {
            var status = (await intake.AcceptAsync(inbound, cancellationToken, inline)).Status;
            if (status == IntakeStatus.Busy) return false;
            if (status == IntakeStatus.Duplicate) inline?.Deliver(await intake.CarriedBeforeAsync(inbound, cancellationToken));
        }
        if (update.CallbackQuery is { } pressed) callbacks.Enqueue(pressed);
        return true;
    }
}
