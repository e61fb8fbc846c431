using System.Globalization;
using System.Text.Json;
using Stateless;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Text;
using S = Tamkeen.Core.Conversations.ConversationState;

namespace Tamkeen.Core.Conversations;

/// <summary>Service requests (menu 2) and follow-up (menu 3): slot filling over the catalogue, summary, submit.</summary>
internal sealed partial class ConversationMachine
{
    private const int TriesBeforeOfferingStaff = 3;

    private StateMachine<S, Trigger>.TriggerWithParameters<FieldProblem> _invalid = null!;
    private StateMachine<S, Trigger>.TriggerWithParameters<RequestOverview> _duplicate = null!;
    private StateMachine<S, Trigger>.TriggerWithParameters<string> _referenceTyped = null!;
    private StateMachine<S, Trigger>.TriggerWithParameters<RequestNotice> _notice = null!;

    private ServiceDefinition? Service => _services.Find(_conversation.RequestServiceId);

    private void ConfigureRequests()
    {
        _invalid = _machine.SetTriggerParameters<FieldProblem>(Trigger.Invalid);
        _duplicate = _machine.SetTriggerParameters<RequestOverview>(Trigger.Duplicate);
        _referenceTyped = _machine.SetTriggerParameters<string>(Trigger.Reference);
        _notice = _machine.SetTriggerParameters<RequestNotice>(Trigger.Notice);

        _machine.Configure(S.RequestService)
            .OnEntry(OfferServices, "list services")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.MainMenu)
            .PermitIf(_choose, S.RequestField, n => n >= 1 && n <= _services.Services.Count, "a service")
            .InternalTransitionIf(_choose, n => n < 1 || n > _services.Services.Count, (_, _) => NotUnderstood(), "other: not understood")
            .InternalTransition(_write, (_, _) => NotUnderstood());

        _machine.Configure(S.RequestField)
            .OnEntryFrom(_choose, (n, t) =>
            {
                if (t.Source == S.RequestService) StartRequest(_services.Services[n - 1]);
                else EditField(Service!.Fields[n - 1].Field);
            }, "start, or edit a field")
            .OnEntryFrom(Trigger.Back, () => _conversation.RequestField = PreviousField(), "previous field")
            .OnEntry(AskField, "ask field")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .PermitReentryIf(Trigger.Back, () => !_conversation.RequestEditing && PreviousField() is not null, "previous field")
            .PermitIf(Trigger.Back, S.RequestService, () => !_conversation.RequestEditing && PreviousField() is null, "first field")
            .PermitIf(Trigger.Back, S.RequestSummary, () => _conversation.RequestEditing, "while editing")
            .PermitReentryIf(Trigger.Answered, () => _conversation.RequestField is not null && !_conversation.RequestEditing, "next field")
            .PermitIf(Trigger.Answered, S.RequestSummary, () => _conversation.RequestField is null || _conversation.RequestEditing, "all given")
            .InternalTransition(_invalid, (problem, _) => RefuseField(problem))
            .Permit(_duplicate.Trigger, S.MainMenu);

        _machine.Configure(S.RequestSummary)
            .OnEntry(ShowSummary, "show summary")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.RequestEditPick)
            .PermitIf(_choose, S.MainMenu, n => n is 1 or 3, "1 confirm, 3 cancel")
            .PermitIf(_choose, S.RequestEditPick, n => n == 2, "2 edit")
            .InternalTransitionIf(_choose, n => n is < 1 or > 3, (_, _) => NotUnderstood(), "other: not understood")
            .InternalTransition(_write, (_, _) => NotUnderstood());

        _machine.Configure(S.RequestEditPick)
            .OnEntry(OfferFieldsToEdit, "list fields")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.RequestSummary)
            .PermitIf(_choose, S.RequestField, n => n >= 1 && n <= Service!.Fields.Count, "a field")
            .InternalTransitionIf(_choose, n => n < 1 || n > Service!.Fields.Count, (_, _) => NotUnderstood(), "other: not understood")
            .InternalTransition(_write, (_, _) => NotUnderstood());

        _machine.Configure(S.RequestInformation)
            .OnEntryFrom(_notice, n => _conversation.FollowUpReference = n.Reference, "keep reference")
            .OnEntry(AskInformation, "ask for the information")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.MainMenu)
            .PermitIf(_write, S.MainMenu, GivesInformation, "information sent")
            .InternalTransitionIf(_write, text => !GivesInformation(text), (_, _) => AskInformation(), "too short");

        _machine.Configure(S.FollowUpIdentity)
            .OnEntryFrom(_referenceTyped, AskIdentity, "ask ID on file")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.MainMenu)
            .Permit(_write.Trigger, S.MainMenu)
            .Permit(_choose.Trigger, S.MainMenu);
    }

    /// <summary>Free text or a number while a field is asked: checked, kept, and the next step chosen.</summary>
    private void AnswerField(string text)
    {
        var field = _conversation.RequestField!.Value;
        var optional = Service!.Fields.Single(f => f.Field == field) is { Required: false };
        var skipped = optional && _lexicon.Match(ArabicText.Normalize(text)) == Command.Skip;
        var result = skipped ? FieldResult.Valid("") : RequestFields.Validate(field, text);
        if (!result.IsValid)
        {
            _machine.Fire(_invalid, result.Problem!.Value);
            return;
        }
        if (field == RequestField.NationalId && _requests.FindOpen(Service.Id, result.Value!) is { } open)
        {
            _machine.Fire(_duplicate, open);
            return;
        }
        var answers = Answers();
        answers[field] = result.Value!;
        _conversation.RequestAnswersJson = JsonSerializer.Serialize(answers);
        _conversation.RequestTries = 0;
        _conversation.RequestField = Service.Fields.Select(f => (RequestField?)f.Field).FirstOrDefault(f => !answers.ContainsKey(f!.Value));
        _machine.Fire(Trigger.Answered);
    }

    private Dictionary<RequestField, string> Answers() =>
        _conversation.RequestAnswersJson is { } json ? JsonSerializer.Deserialize<Dictionary<RequestField, string>>(json) ?? [] : [];

    private void StartRequest(ServiceDefinition service)
    {
        _conversation.RequestServiceId = service.Id;
        _conversation.RequestField = service.Fields[0].Field;
        _conversation.RequestAnswersJson = null;
        _conversation.RequestTries = 0;
        _conversation.RequestEditing = false;
    }

    private void EditField(RequestField field)
    {
        _conversation.RequestField = field;
        _conversation.RequestTries = 0;
        _conversation.RequestEditing = true;
    }

    private RequestField? PreviousField()
    {
        var fields = Service!.Fields.Select(f => f.Field).ToList();
        var index = _conversation.RequestField is { } current ? fields.IndexOf(current) : fields.Count;
        return index > 0 ? fields[index - 1] : null;
    }

    private void ClearRequest()
    {
        _conversation.RequestServiceId = null;
        _conversation.RequestField = null;
        _conversation.RequestAnswersJson = null;
        _conversation.RequestTries = 0;
        _conversation.RequestEditing = false;
        _conversation.RequestAttachmentsJson = null;
    }

    private static readonly S[] StatesKeepingAttachments = [S.RequestField, S.RequestSummary, S.RequestEditPick, S.RequestInformation];

    /// <summary>Photos or documents sent while a request is filled in (or information asked) go with it.</summary>
    public bool KeepAttachments(IReadOnlyList<Attachment> attachments)
    {
        if (attachments.Count == 0 || !StatesKeepingAttachments.Contains(_conversation.State)) return false;
        _conversation.RequestAttachmentsJson = JsonSerializer.Serialize(KeptAttachments().Concat(attachments).ToList());
        Reply.Say(T(TextKey.RequestAttachmentsKept).Replace("{count}", Number(attachments.Count), StringComparison.Ordinal));
        return true;
    }

    private List<Attachment> KeptAttachments() =>
        _conversation.RequestAttachmentsJson is { } json ? JsonSerializer.Deserialize<List<Attachment>>(json) ?? [] : [];

    private bool GivesInformation(string text) => text.Count(char.IsLetterOrDigit) >= 2 || _conversation.RequestAttachmentsJson is not null;

    private void OfferServices()
    {
        Say(TextKey.RequestChooseService);
        Reply.Offer([.. _services.Services.Select((s, i) => new ReplyButton(Number(i + 1), s.Title[_conversation.Language])), .. Navigation()]);
    }

    private void AskField()
    {
        var field = _conversation.RequestField!.Value;
        Say(Enum.Parse<TextKey>($"RequestAsk{field}"));
        var optional = Service!.Fields.Single(f => f.Field == field) is { Required: false };
        ReplyButton[] cities = field == RequestField.City
            ? [.. QassimCities.All.Append(QassimCities.Other)
                .Select((c, i) => new ReplyButton(Number(i + 1), _conversation.Language == Language.English ? c.English : c.Arabic))]
            : [];
        Reply.Offer([.. cities, .. optional ? [new ReplyButton("skip", T(TextKey.RequestSkip))] : Array.Empty<ReplyButton>(), .. Navigation()]);
        if (field == RequestField.Mobile) Reply.AskForContact(T(TextKey.ButtonShareMyNumber));
    }

    private void RefuseField(FieldProblem problem)
    {
        _conversation.RequestTries++;
        Say(Enum.Parse<TextKey>(problem.ToString()));
        if (_conversation.RequestTries < TriesBeforeOfferingStaff)
        {
            AskField();
            return;
        }
        _conversation.RequestTries = 0;
        Say(TextKey.RequestTooManyTries);
        Reply.Offer([new("human", T(TextKey.ButtonTalkToStaff)), new("menu", T(TextKey.ButtonMenu))]);
    }

    private void ShowSummary()
    {
        _conversation.RequestEditing = false;
        var service = Service!;
        var answers = Answers();
        // No bullet on SMS: outside the GSM alphabet, and two characters a line.
        var bullet = _channel == Channel.Sms ? "" : "• ";
        var lines = service.Fields.Select(f => $"{bullet}{T(Enum.Parse<TextKey>($"RequestLabel{f.Field}"))}: {Shown(f.Field, answers.GetValueOrDefault(f.Field))}");
        Reply.Say(T(TextKey.RequestSummary).Replace("{service}", service.Title[_conversation.Language], StringComparison.Ordinal)
                  + "\n" + string.Join("\n", lines));
        Reply.Offer([new("1", T(TextKey.RequestConfirm)), new("2", T(TextKey.RequestEdit)), new("3", T(TextKey.RequestCancel))]);
    }

    /// <summary>How a value is shown back to the person: ID and phone partly masked, the city by name.</summary>
    private string Shown(RequestField field, string? value) => value switch
    {
        null or "" => T(TextKey.RequestNotGiven),
        _ when field == RequestField.NationalId => Ltr(FieldValidators.MaskNationalId(value)),
        _ when field == RequestField.Mobile => Ltr(FieldValidators.MaskMobile(value)),
        _ when field == RequestField.City && QassimCities.Find(value) is { } city => _conversation.Language == Language.English ? city.English : city.Arabic,
        _ => value,
    };

    private void OfferFieldsToEdit()
    {
        Say(TextKey.RequestEditWhich);
        Reply.Offer([.. Service!.Fields.Select((f, i) => new ReplyButton(Number(i + 1), T(Enum.Parse<TextKey>($"RequestLabel{f.Field}")))), .. Navigation()]);
    }

    /// <summary>Confirmed from the summary: checked once more for an open request of the same service, then submitted.</summary>
    private void Submit()
    {
        var service = Service!;
        var answers = Answers();
        if (answers.GetValueOrDefault(RequestField.NationalId) is { Length: > 0 } id && _requests.FindOpen(service.Id, id) is { } open)
        {
            TellDuplicate(open);
            return;
        }
        var reference = RequestReference.Create(_receivedAt, _reference);
        var due = DueDate.For(_receivedAt);
        Events.Add(new RequestSubmitted(reference, service.Id, answers.Where(a => a.Value.Length > 0).ToDictionary(), _receivedAt, due, KeptAttachments()));
        Reply.Say(T(TextKey.RequestSubmitted)
            .Replace("{reference}", Ltr(reference), StringComparison.Ordinal)
            .Replace("{due}", DueDate.Describe(due, _conversation.Language), StringComparison.Ordinal));
        ClearRequest();
    }

    private void TellDuplicate(RequestOverview open)
    {
        Reply.Say(T(TextKey.RequestDuplicate)
            .Replace("{reference}", Ltr(open.Reference), StringComparison.Ordinal)
            .Replace("{status}", StatusText(open.Status), StringComparison.Ordinal));
        ClearRequest();
    }

    /// <summary>A service's title in the person's language; its id if the catalogue no longer lists it.</summary>
    private string ServiceTitle(string serviceId) => _services.Find(serviceId)?.Title[_conversation.Language] ?? serviceId;

    private string StatusText(RequestStatus status) => T(Enum.Parse<TextKey>($"Status{status}"));

    /// <summary>Menu 3: the person's own open requests, newest first (a closed one can still be asked about by reference).</summary>
    private void ListOwnRequests()
    {
        var own = _requests.OpenForBeneficiary(_conversation.BeneficiaryId);
        Reply.Say(own.Count == 0 ? T(TextKey.FollowUpNone) : T(TextKey.FollowUpList) + "\n" + string.Join("\n", own.Select(Line)));
        ShowMenu();
    }

    /// <summary>A reference typed in the main menu that belongs to another account: its ID number is asked.</summary>
    private bool BelongsToAnother(string reference) =>
        _requests.FindByReference(reference) is { } request && request.BeneficiaryId != _conversation.BeneficiaryId;

    /// <summary>A reference typed in the main menu: shown if it is the person's own.</summary>
    private void ShowReference(string reference)
    {
        var request = _requests.FindByReference(reference);
        if (request is null) Say(TextKey.FollowUpNotFound);
        else Reply.Say(Line(request));
        ShowMenu();
    }

    private void AskIdentity(string reference)
    {
        _conversation.FollowUpReference = reference;
        Say(TextKey.FollowUpAskId);
        Reply.Offer(Navigation());
    }

    /// <summary>In FollowUpIdentity: the ID number must match the one given in the request.</summary>
    private void CheckIdentity(string text)
    {
        var request = _conversation.FollowUpReference is { } reference ? _requests.FindByReference(reference) : null;
        var id = FieldValidators.NationalId(text);
        _conversation.FollowUpReference = null;
        if (request is not null && id.IsValid && request.NationalId == id.Value) Reply.Say(Line(request));
        else Say(TextKey.FollowUpNoMatch);
    }

    private string Line(RequestOverview request) => T(TextKey.FollowUpLine)
        .Replace("{reference}", Ltr(request.Reference), StringComparison.Ordinal)
        .Replace("{service}", ServiceTitle(request.ServiceId), StringComparison.Ordinal)
        .Replace("{status}", StatusText(request.Status), StringComparison.Ordinal)
        .Replace("{due}", DueDate.Describe(request.DueAt, _conversation.Language), StringComparison.Ordinal);

    /// <summary>News about a request: told at once; "needs information" then waits for what was asked.</summary>
    public void Notify(RequestNotice notice)
    {
        var text = T(TextKey.RequestStatusChanged)
            .Replace("{reference}", Ltr(notice.Reference), StringComparison.Ordinal)
            .Replace("{service}", ServiceTitle(notice.ServiceId), StringComparison.Ordinal)
            .Replace("{status}", StatusText(notice.Status), StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(notice.Note)) text += "\n" + T(TextKey.RequestStatusNote).Replace("{note}", notice.Note, StringComparison.Ordinal);
        Reply.Say(text);
        if (notice.Status == RequestStatus.NeedsInformation) _machine.Fire(_notice, notice);
    }

    private void AskInformation()
    {
        Reply.Say(T(TextKey.RequestInformationAsk).Replace("{reference}", Ltr(_conversation.FollowUpReference ?? ""), StringComparison.Ordinal));
        Reply.Offer(Navigation());
    }

    /// <summary>Entering the main menu from RequestInformation with a text: it goes to the request.</summary>
    private void AttachInformation(string text)
    {
        var reference = _conversation.FollowUpReference!;
        Events.Add(new RequestInformationGiven(reference, text, KeptAttachments()));
        _conversation.RequestAttachmentsJson = null;
        Reply.Say(T(TextKey.RequestInformationThanks).Replace("{reference}", Ltr(reference), StringComparison.Ordinal));
    }

    /// <summary>
    /// A left-to-right value (reference, masked ID or phone) inside Arabic text, isolated (U+2066…U+2069) so that
    /// its characters keep their order instead of being reordered around the Arabic words.
    /// </summary>
    private string Ltr(string value) => _conversation.Language == Language.Arabic ? $"\u2066{value}\u2069" : value;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
