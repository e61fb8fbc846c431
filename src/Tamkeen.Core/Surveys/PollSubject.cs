namespace Tamkeen.Core.Surveys;

/// <summary>What a satisfaction poll rates.</summary>
public enum PollSubject
{
    /// <summary>A request that reached Completed or Rejected.</summary>
    Request,
    /// <summary>A staff case that was closed or released.</summary>
    Case,
    /// <summary>A guide answer the person did not rate: one tap, no comment.</summary>
    GuideAnswer,
}

public enum PollStep
{
    Score,
    Comment,
    /// <summary>After a staff case: was the issue resolved?</summary>
    Resolved,
}

/// <summary>Why a poll that came due was not sent; recorded, never silently dropped.</summary>
public enum PollNotSentReason
{
    OptedOut,
    /// <summary>A poll was sent to the person less than the minimum gap ago, or one is still open.</summary>
    TooSoon,
    /// <summary>The person was in the middle of something (a form, a conversation with staff).</summary>
    Busy,
    /// <summary>WhatsApp's 24-hour window had closed and neither an approved template nor SMS was set to reach the person.</summary>
    OutsideWhatsAppWindow,
    /// <summary>The person sent STOP on the channel, or the channel said they cannot be reached (blocked the bot).</summary>
    Stopped,
}
