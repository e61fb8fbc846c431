using System.ComponentModel.DataAnnotations;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Settings;

/// <summary>How much one bot message may cost by SMS; `sms report` and the tests hold the wording to it.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>See <see cref="SmsBudget.DefaultSegments"/> for why four.</summary>
    [Range(1, 10, ErrorMessage = "Sms:SegmentBudget must be between 1 and 10 segments.")]
    public int SegmentBudget { get; set; } = SmsBudget.DefaultSegments;
}
