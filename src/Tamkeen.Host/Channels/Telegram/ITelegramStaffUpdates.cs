using Telegram.Bot.Types;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>Takes the updates that are staff's (the staff group, /link, a card's buttons), so none becomes a beneficiary's input.</summary>
public interface ITelegramStaffUpdates
{
    /// <returns>True when the update was staff's and is now stored for them (or was stored before: a redelivery).</returns>
    Task<bool> TryTakeAsync(Update update, CancellationToken cancellationToken);
}
