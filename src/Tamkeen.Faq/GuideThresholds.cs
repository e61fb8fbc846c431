namespace Tamkeen.Faq;

/// <param name="Answer">Least share of the question (by word weight) the best entry must cover to be answered.</param>
/// <param name="Suggest">Least share for an entry to be offered as a suggestion.</param>
/// <param name="Margin">How far ahead of the next entry the best one must be to be answered rather than suggested.</param>
public sealed record GuideThresholds(double Answer = 0.7, double Suggest = 0.4, double Margin = 0.1);
