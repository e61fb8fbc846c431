using System.ComponentModel.DataAnnotations;
using Tamkeen.Faq;

namespace Tamkeen.Host.Settings;

/// <summary>When the guide answers, suggests or says it is not sure; shares of the question's word weight, 0 to 1.</summary>
public sealed class GuideOptions : IValidatableObject
{
    public const string Section = "Guide";

    [Range(0.05, 1.0, ErrorMessage = "Guide:AnswerThreshold must be between 0.05 and 1.")]
    public double AnswerThreshold { get; set; } = new GuideThresholds().Answer;

    [Range(0.0, 1.0, ErrorMessage = "Guide:SuggestThreshold must be between 0 and 1.")]
    public double SuggestThreshold { get; set; } = new GuideThresholds().Suggest;

    [Range(0.0, 1.0, ErrorMessage = "Guide:AnswerMargin must be between 0 and 1.")]
    public double AnswerMargin { get; set; } = new GuideThresholds().Margin;

    public GuideThresholds Thresholds => new(AnswerThreshold, SuggestThreshold, AnswerMargin);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SuggestThreshold > AnswerThreshold)
            yield return new ValidationResult("Guide:SuggestThreshold must not be above Guide:AnswerThreshold.", [nameof(SuggestThreshold)]);
    }
}
