namespace Tamkeen.Faq;

/// <summary>The guide or its word list cannot be used; the message names the file and line.</summary>
public sealed class GuideFormatException(string message) : Exception(message);
