using Telegram.Bot.Types;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>Takes the updates that are staff's (the staff group, /link, a card's buttons), so none becomes a beneficiary's input.</summary>
public interface ITelegramStaffUpdates
{
    /// <returns>True when the update was staff's and is now queued for them.</returns>
    bool TryTake(Update update);
}
