using System.ComponentModel.DataAnnotations;
using Tamkeen.Core.Surveys;

namespace Tamkeen.Host.Surveys;

/// <summary>When satisfaction polls are sent and how long they stay open.</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Surveys:Delay must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00", ErrorMessage = "Surveys:MinimumGap must be between 00:00:00 and 90.00:00:00.")]
    public TimeSpan MinimumGap { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00", ErrorMessage = "Surveys:ExpiresAfter must be between 01:00:00 and 30.00:00:00.")]
    public TimeSpan ExpiresAfter { get; set; } = TimeSpan.FromHours(48);

    [Range(typeof(TimeSpan), "00:30:00", "30.00:00:00", ErrorMessage = "Surveys:RemindAfter must be between 00:30:00 and 30.00:00:00.")]
    public TimeSpan RemindAfter { get; set; } = TimeSpan.FromHours(24);

    [Range(1, 1000, ErrorMessage = "Surveys:MinimumAnswersPerStaff must be between 1 and 1000.")]
    public int MinimumAnswersPerStaff { get; set; } = 10;

    public PollSettings Settings() => new(MinimumGap, ExpiresAfter, RemindAfter);
}
