namespace Tamkeen.Host.Messaging;

/// <summary>One recipient's replies waiting in memory, oldest first, and what holds them back.</summary>
/// <remarks>Belongs to one <see cref="ChannelDispatcher"/> and is touched only under its lock.</remarks>
internal sealed class RecipientQueue(string address)
{
    private readonly List<OutboxMessage> _rows = [];

    public string Address { get; } = address;

    /// <summary>One of its rows is being sent; the next waits for it.</summary>
    public bool Sending { get; set; }

    /// <summary>It is in the dispatcher's line of recipients waiting for a free slot.</summary>
    public bool InReadyLine { get; set; }

    /// <summary>Nothing is sent to the recipient before this time.</summary>
    public DateTimeOffset? WaitUntil { get; set; }

    /// <summary>A row stored for a later attempt; it is read back from the outbox when due, and nothing newer goes first.</summary>
    public long? RetryRowId { get; set; }

    public bool CanSend => !Sending && WaitUntil is null && _rows.Count > 0;

    /// <summary>Nothing to send and nothing to wait for: the dispatcher can forget it.</summary>
    public bool IsDone => !Sending && WaitUntil is null && RetryRowId is null && _rows.Count == 0;

    /// <summary>Keeps id order even when one commit's hand-off overtakes an earlier one's.</summary>
    public void Add(OutboxMessage row)
    {
        var at = _rows.Count;
        while (at > 0 && _rows[at - 1].Id > row.Id) at--;
        _rows.Insert(at, row);
    }

    public OutboxMessage TakeFirst()
    {
        var row = _rows[0];
        _rows.RemoveAt(0);
        return row;
    }
}
