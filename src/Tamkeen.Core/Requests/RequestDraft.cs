using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Requests;

/// <summary>A service request being filled in.</summary>
public sealed class RequestDraft
{
    public required string ServiceId { get; set; }

    /// <summary>The field asked now; null once every field is given.</summary>
    public RequestField? Field { get; set; }

    public List<FieldAnswer> Answers { get; set; } = [];

    /// <summary>Failed tries of the field asked now; after three a staff member is offered.</summary>
    public int Tries { get; set; }

    /// <summary>A field is being changed from the summary, so the summary comes back next.</summary>
    public bool Editing { get; set; }

    /// <summary>Photos or documents sent while the request is filled in.</summary>
    public List<Attachment> Attachments { get; set; } = [];

    public string? Answer(RequestField field) => Answers.FirstOrDefault(a => a.Field == field)?.Value;

    public void SetAnswer(RequestField field, string value)
    {
        Answers.RemoveAll(a => a.Field == field);
        Answers.Add(new FieldAnswer { Field = field, Value = value });
    }
}

public sealed class FieldAnswer
{
    public RequestField Field { get; set; }
    public required string Value { get; set; }
}
