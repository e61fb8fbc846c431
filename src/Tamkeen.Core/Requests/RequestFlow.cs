using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Text;
using S = Tamkeen.Core.Conversations.ConversationState;

namespace Tamkeen.Core.Requests;

/// <summary>Service requests (menu 2): slot filling over the catalogue, summary, submit.</summary>
internal sealed class RequestFlow(ConversationMachine m)
{
    private const int TriesBeforeOfferingStaff = 3;

    private RequestDraft Draft => m.Conversation.Request!;
    private ServiceDefinition Service => m.Content.Services.Find(Draft.ServiceId)!;
    private IReadOnlyList<ServiceDefinition> Services => m.Content.Services.Services;

    public void Configure()
    {
        m.Machine.Configure(S.Requesting)
            .SubstateOf(S.Dialog)
            .OnExit(() => m.Conversation.Request = null, "forget the draft and its files");

        m.Machine.Configure(S.RequestService)
            .SubstateOf(S.Requesting)
            .OnEntry(OfferServices, "list services")
            .Permit(Trigger.Back, S.MainMenu)
            .PermitIf(m.ChooseTrigger, S.RequestField, n => n >= 1 && n <= Services.Count, "a service")
            .InternalTransitionIf(m.ChooseTrigger, n => n < 1 || n > Services.Count, (_, _) => m.NotUnderstood(), "other: not understood")
            .InternalTransition(Trigger.Prompt, OfferServices);

        m.Machine.Configure(S.RequestField)
            .SubstateOf(S.Requesting)
            .OnEntryFrom(m.ChooseTrigger, (n, t) =>
            {
                if (t.Source == S.RequestService) Start(Services[n - 1]);
                else Edit(Service.Fields[n - 1].Field);
            }, "start, or edit a field")
            .OnEntryFrom(Trigger.Back, () => Draft.Field = PreviousField(), "previous field")
            .OnEntry(AskField, "ask field")
            .PermitReentryIf(Trigger.Back, () => !Draft.Editing && PreviousField() is not null, "previous field")
            .PermitIf(Trigger.Back, S.RequestService, () => !Draft.Editing && PreviousField() is null, "first field")
            .PermitIf(Trigger.Back, S.RequestSummary, () => Draft.Editing, "while editing")
            .PermitReentryIf(Trigger.Answered, () => Draft.Field is not null && !Draft.Editing, "next field")
            .PermitIf(Trigger.Answered, S.RequestSummary, () => Draft.Field is null || Draft.Editing, "all given")
            .InternalTransition(m.InvalidTrigger, (problem, _) => RefuseField(problem))
            .InternalTransition(m.WriteTrigger, (text, _) => AnswerField(text))
            .InternalTransition(Trigger.Prompt, AskField);
        m.ReadNumbersAsTextIn(S.RequestField);

        m.Machine.Configure(S.RequestSummary)
            .SubstateOf(S.Requesting)
            .OnEntry(ShowSummary, "show summary")
            .Permit(Trigger.Back, S.RequestEditPick)
            .InternalTransitionIf(m.ChooseTrigger, n => n == 1, (_, _) => Submit(), "1 confirm")
            .PermitIf(m.ChooseTrigger, S.RequestEditPick, n => n == 2, "2 edit")
            .InternalTransitionIf(m.ChooseTrigger, n => n == 3, (_, _) => m.Fire(Trigger.Cancel), "3 cancel")
            .InternalTransitionIf(m.ChooseTrigger, n => n is < 1 or > 3, (_, _) => m.NotUnderstood(), "other: not understood")
            .InternalTransition(Trigger.Prompt, ShowSummary);

        m.Machine.Configure(S.RequestEditPick)
            .SubstateOf(S.Requesting)
            .OnEntry(OfferFieldsToEdit, "list fields")
            .Permit(Trigger.Back, S.RequestSummary)
            .PermitIf(m.ChooseTrigger, S.RequestField, n => n >= 1 && n <= Service.Fields.Count, "a field")
            .InternalTransitionIf(m.ChooseTrigger, n => n < 1 || n > Service.Fields.Count, (_, _) => m.NotUnderstood(), "other: not understood")
            .InternalTransition(Trigger.Prompt, OfferFieldsToEdit);
    }

    /// <summary>Which open request to look for before this input: the ID being given, or the one in a summary being confirmed.</summary>
    public static DuplicateKey? DuplicateToCheck(Conversation conversation, string text, int? number) => conversation switch
    {
        { State: S.RequestField, Request: { Field: RequestField.NationalId } draft } when FieldValidators.NationalId(text) is { IsValid: true } id
            => new DuplicateKey(draft.ServiceId, id.Value!),
        { State: S.RequestSummary, Request: { } draft } when number == 1 && draft.Answer(RequestField.NationalId) is { Length: > 0 } id
            => new DuplicateKey(draft.ServiceId, id),
        _ => null,
    };

    /// <summary>Photos or documents sent while a request is filled in go with it.</summary>
    public bool KeepAttachments(IReadOnlyList<Attachment> attachments)
    {
        if (attachments.Count == 0 || m.Conversation.Request is not { } draft || !m.Machine.IsInState(S.Requesting)) return false;
        draft.Attachments.AddRange(attachments);
        m.Reply.Say(m.T(TextKey.RequestAttachmentsKept).Replace("{count}", ConversationMachine.Number(attachments.Count), StringComparison.Ordinal));
        return true;
    }

    private void Start(ServiceDefinition service) =>
        m.Conversation.Request = new RequestDraft { ServiceId = service.Id, Field = service.Fields[0].Field };

    private void Edit(RequestField field)
    {
        Draft.Field = field;
        Draft.Tries = 0;
        Draft.Editing = true;
    }

    private RequestField? PreviousField()
    {
        var fields = Service.Fields.Select(f => f.Field).ToList();
        var index = Draft.Field is { } current ? fields.IndexOf(current) : fields.Count;
        return index > 0 ? fields[index - 1] : null;
    }

    /// <summary>Free text or a number while a field is asked: checked, kept, and the next step chosen.</summary>
    private void AnswerField(string text)
    {
        var field = Draft.Field!.Value;
        var optional = Service.Fields.Single(f => f.Field == field) is { Required: false };
        var skipped = optional && m.Content.Lexicon.Match(ArabicText.Normalize(text)) == Command.Skip;
        var result = skipped ? FieldResult.Valid("") : RequestFields.Validate(field, text);
        if (!result.IsValid)
        {
            m.Machine.Fire(m.InvalidTrigger, result.Problem!.Value);
            return;
        }
        if (field == RequestField.NationalId && OpenDuplicate() is { } open)
        {
            TellDuplicate(open);
            return;
        }
        Draft.SetAnswer(field, result.Value!);
        Draft.Tries = 0;
        Draft.Field = Service.Fields.Select(f => (RequestField?)f.Field).FirstOrDefault(f => Draft.Answer(f!.Value) is null);
        m.Fire(Trigger.Answered);
    }

    /// <summary>The open request the host found for this service and the ID being given (see <see cref="DuplicateToCheck"/>).</summary>
    private RequestOverview? OpenDuplicate() => m.Facts.OpenDuplicate is { } open && open.ServiceId == Draft.ServiceId ? open : null;

    private void OfferServices()
    {
        m.Say(TextKey.RequestChooseService);
        m.Reply.Offer([.. Services.Select((s, i) => new ReplyButton(ConversationMachine.Number(i + 1), s.Title[m.Language])), .. m.Navigation()]);
    }

    private void AskField()
    {
        var field = Draft.Field!.Value;
        m.Say(Enum.Parse<TextKey>($"RequestAsk{field}"));
        var optional = Service.Fields.Single(f => f.Field == field) is { Required: false };
        ReplyButton[] cities = field == RequestField.City
            ? [.. QassimCities.All.Append(QassimCities.Other)
                .Select((c, i) => new ReplyButton(ConversationMachine.Number(i + 1), m.Language == Language.English ? c.English : c.Arabic))]
            : [];
        m.Reply.Offer([.. cities, .. optional ? [new ReplyButton("skip", m.T(TextKey.RequestSkip))] : Array.Empty<ReplyButton>(), .. m.Navigation()]);
        if (field == RequestField.Mobile) m.Reply.AskForContact(m.T(TextKey.ButtonShareMyNumber));
    }

    private void RefuseField(FieldProblem problem)
    {
        Draft.Tries++;
        m.Say(Enum.Parse<TextKey>(problem.ToString()));
        if (Draft.Tries < TriesBeforeOfferingStaff)
        {
            AskField();
            return;
        }
        Draft.Tries = 0;
        m.Say(TextKey.RequestTooManyTries);
        m.Handoff.OpenFor(CaseReason.FieldTries, text: null, aside: true);
        m.Reply.Offer(m.PersonOrMenu(m.Language));
    }

    private void ShowSummary()
    {
        Draft.Editing = false;
        // No bullet on SMS: outside the GSM alphabet, and two characters a line.
        var bullet = m.Channel == Channel.Sms ? "" : "• ";
        var lines = Service.Fields.Select(f => $"{bullet}{m.T(Enum.Parse<TextKey>($"RequestLabel{f.Field}"))}: {Shown(f.Field, Draft.Answer(f.Field))}");
        m.Reply.Say(m.T(TextKey.RequestSummary).Replace("{service}", Service.Title[m.Language], StringComparison.Ordinal)
                    + "\n" + string.Join("\n", lines));
        m.Reply.Offer([new("1", m.T(TextKey.RequestConfirm)), new("2", m.T(TextKey.RequestEdit)), new("3", m.T(TextKey.RequestCancel))]);
    }

    /// <summary>How a value is shown back to the person: ID and phone partly masked, the city by name.</summary>
    private string Shown(RequestField field, string? value) => value switch
    {
        null or "" => m.T(TextKey.RequestNotGiven),
        _ when field == RequestField.NationalId => m.Ltr(FieldValidators.MaskNationalId(value)),
        _ when field == RequestField.Mobile => m.Ltr(FieldValidators.MaskMobile(value)),
        _ when field == RequestField.City && QassimCities.Find(value) is { } city => m.Language == Language.English ? city.English : city.Arabic,
        _ => value,
    };

    private void OfferFieldsToEdit()
    {
        m.Say(TextKey.RequestEditWhich);
        m.Reply.Offer([.. Service.Fields.Select((f, i) => new ReplyButton(ConversationMachine.Number(i + 1), m.T(Enum.Parse<TextKey>($"RequestLabel{f.Field}")))), .. m.Navigation()]);
    }

    /// <summary>Confirmed from the summary: checked once more for an open request of the same service, then submitted.</summary>
    private void Submit()
    {
        if (Draft.Answer(RequestField.NationalId) is { Length: > 0 } && OpenDuplicate() is { } open)
        {
            TellDuplicate(open);
            return;
        }
        var reference = RequestReference.Create(m.At, m.Input.Number);
        var due = DueDate.For(m.At);
        var answers = Draft.Answers.Where(a => a.Value.Length > 0).ToDictionary(a => a.Field, a => a.Value);
        m.Events.Add(new RequestSubmitted(reference, Draft.ServiceId, answers, m.At, due, [.. Draft.Attachments]));
        m.Reply.Say(m.T(TextKey.RequestSubmitted)
            .Replace("{reference}", m.Ltr(reference), StringComparison.Ordinal)
            .Replace("{due}", DueDate.Describe(due, m.Language), StringComparison.Ordinal));
        m.Fire(Trigger.ShowMenu);
    }

    /// <summary>
    /// An open request of this service for this ID already exists. Its owner is told its reference and status; anyone
    /// else learns nothing about it beyond that it exists, and staff see the attempt.
    /// </summary>
    private void TellDuplicate(RequestOverview open)
    {
        if (open.BeneficiaryId == m.Conversation.BeneficiaryId)
        {
            m.Reply.Say(m.T(TextKey.RequestDuplicate)
                .Replace("{reference}", m.Ltr(open.Reference), StringComparison.Ordinal)
                .Replace("{status}", m.T(Enum.Parse<TextKey>($"Status{open.Status}")), StringComparison.Ordinal));
        }
        else
        {
            m.Say(TextKey.RequestDuplicateOtherAccount);
            m.Events.Add(new ForeignRequestAttempted(open.Reference, ForeignAccess.SameServiceAndId));
        }
        m.Fire(Trigger.ShowMenu);
    }
}
