using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Core.Requests;
using S = Tamkeen.Core.Conversations.ConversationState;

namespace Tamkeen.Core.FollowUp;

/// <summary>
/// Following up (menu 3, a typed reference), the association's news about a request, and the information a request
/// needs: asked, collected until the person is done, confirmed, and reminded of when nothing comes.
/// </summary>
internal sealed class FollowUpFlow(ConversationMachine m)
{
    public void Configure()
    {
        m.Machine.Configure(S.SendingInformation)
            .SubstateOf(S.Dialog)
            .OnExit(ConfirmAndForget, "confirm what was added");

        m.Machine.Configure(S.RequestInformation)
            .SubstateOf(S.SendingInformation)
            .OnEntryFrom(m.SendInformationTrigger, Begin, "keep reference")
            .OnEntry(AskInformation, "ask for the information")
            .PermitReentry(Trigger.SendInformation)
            .Permit(Trigger.Back, S.MainMenu)
            .InternalTransition(m.WriteTrigger, (text, _) => Receive(text))
            .InternalTransition(Trigger.Done, Finish)
            .InternalTransition(Trigger.Prompt, AskInformation);
        m.ReadNumbersAsTextIn(S.RequestInformation);
    }

    /// <summary>Menu 3: the person's own open requests and latest suggestions or complaints, then the menu.</summary>
    public void ListOwn()
    {
        var requests = m.Facts.OwnOpenRequests;
        var feedback = m.Facts.OwnFeedback;
        if (requests.Count == 0 && feedback.Count == 0) m.Say(TextKey.FollowUpNone);
        else m.Reply.Say(m.T(TextKey.FollowUpList) + "\n" + string.Join("\n", requests.Select(Line).Concat(feedback.Select(Line))));
        foreach (var awaited in m.Conversation.AwaitedInformation) m.Reply.Add(SendNowButton(awaited));
        m.ShowMenu();
    }

    /// <summary>
    /// A reference typed at the menu: shown if it is the person's own. Anyone else's, or none, gets the same answer,
    /// so that a reference reveals nothing about another person's request; staff see the attempt.
    /// </summary>
    public bool TryShowReference(string text)
    {
        var reference = RequestReference.Find(text) ?? FeedbackReference.Find(text);
        if (reference is null) return false;
        var own = m.Conversation.BeneficiaryId;
        if (m.Facts.Referenced is { } request && request.Reference == reference)
        {
            if (request.BeneficiaryId == own) m.Reply.Say(Line(request));
            else
            {
                m.Say(TextKey.FollowUpNotFound);
                m.Events.Add(new ForeignRequestAttempted(request.Reference, ForeignAccess.TypedReference));
            }
        }
        else if (m.Facts.ReferencedFeedback is { } feedback && feedback.Reference == reference && feedback.BeneficiaryId == own) m.Reply.Say(Line(feedback));
        else m.Say(TextKey.FollowUpNotFound);
        m.ShowMenu();
        return true;
    }

    /// <summary>
    /// News about a request, told at once. "Needs information" asks for it straight away when the person is at rest;
    /// in the middle of a form it says how to send it later, and the form goes on where it was.
    /// </summary>
    public void Notify(RequestNotice notice)
    {
        var text = m.T(TextKey.RequestStatusChanged)
            .Replace("{reference}", m.Ltr(notice.Reference), StringComparison.Ordinal)
            .Replace("{service}", ServiceTitle(notice.ServiceId), StringComparison.Ordinal)
            .Replace("{status}", StatusText(notice.Status), StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(notice.Note)) text += "\n" + m.T(TextKey.RequestStatusNote).Replace("{note}", notice.Note, StringComparison.Ordinal);
        m.Reply.Say(text);

        var awaited = m.Conversation.AwaitedInformation;
        if (notice.Status != RequestStatus.NeedsInformation)
        {
            awaited.Remove(notice.Reference);
            if (awaited.Count == 0) m.CancelTimer(TimerKind.InformationReminder);
            if (m.Conversation.Information?.Reference == notice.Reference) m.Fire(Trigger.ShowMenu);
            else if (!m.AtRest) m.Prompt();
            return;
        }
        if (!awaited.Contains(notice.Reference)) awaited.Add(notice.Reference);
        m.SetTimer(TimerKind.InformationReminder, m.Settings.ReminderAfter);
        AskOrOffer(notice.Reference, TextKey.RequestInformationLater);
    }

    /// <summary>The reminder timer: information is still awaited for one or more of the person's requests.</summary>
    public void Remind()
    {
        var awaited = m.Conversation.AwaitedInformation;
        if (awaited.Count == 0 || m.Conversation.Information is not null) return;
        m.Reply.Say(m.T(TextKey.RequestInformationReminder).Replace("{references}", string.Join("، ", awaited.Select(m.Ltr)), StringComparison.Ordinal));
        AskOrOffer(awaited[0], TextKey.RequestInformationLater);
    }

    /// <summary>The quiet timer: the person sent information and then nothing; confirm it and close.</summary>
    public void QuietTimeOver()
    {
        if (m.Conversation.State == S.RequestInformation && m.Conversation.Information is { } draft && draft.Messages + draft.Files > 0)
            m.Fire(Trigger.ShowMenu);
    }

    /// <summary>"Send the information now" pressed: for a request still waiting for it.</summary>
    public void SendNow(string reference)
    {
        if (m.Conversation.AwaitedInformation.Contains(reference) || m.Conversation.Information?.Reference == reference) m.SendInformation(reference);
        else
        {
            m.Reply.Say(m.T(TextKey.RequestInformationNotNeeded).Replace("{reference}", m.Ltr(reference), StringComparison.Ordinal));
            m.Prompt();
        }
    }

    private void AskOrOffer(string reference, TextKey later)
    {
        if (m.AtRest)
        {
            m.SendInformation(reference);
            return;
        }
        m.Say(later);
        m.Reply.Add(SendNowButton(reference));
        m.Prompt();
    }

    private ReplyButton SendNowButton(string reference) => new(ButtonPayloads.SendInformationPrefix + reference, m.T(TextKey.ButtonSendInformationNow));

    private void Begin(string reference)
    {
        if (m.Conversation.Information is { } earlier && earlier.Reference != reference) ConfirmAndForget();
        m.Conversation.Information ??= new InformationDraft { Reference = reference };
    }

    private void AskInformation()
    {
        var draft = m.Conversation.Information!;
        m.Reply.Say(m.T(TextKey.RequestInformationAsk).Replace("{reference}", m.Ltr(draft.Reference), StringComparison.Ordinal));
        m.Reply.Offer(DoneOrMenu());
    }

    /// <summary>One message (text, files or both) for the request: added at once, so nothing waits on "done".</summary>
    private void Receive(string text)
    {
        var draft = m.Conversation.Information!;
        var files = m.Incoming;
        m.Events.Add(new RequestInformationGiven(draft.Reference, text, files));
        if (text.Length > 0) draft.Messages++;
        draft.Files += files.Count;
        if (m.Conversation.AwaitedInformation.Remove(draft.Reference) && m.Conversation.AwaitedInformation.Count == 0)
            m.CancelTimer(TimerKind.InformationReminder);
        m.SetTimer(TimerKind.InformationQuiet, m.Settings.QuietTime);
        m.Say(TextKey.RequestInformationReceived);
        m.Reply.Offer(DoneOrMenu());
    }

    private void Finish()
    {
        if (m.Conversation.Information is { } draft && draft.Messages + draft.Files > 0)
        {
            m.Fire(Trigger.ShowMenu);
            return;
        }
        m.Say(TextKey.RequestInformationNothingYet);
        AskInformation();
    }

    /// <summary>Leaving the step, however: what was added is confirmed, and the quiet timer is no longer needed.</summary>
    private void ConfirmAndForget()
    {
        if (m.Conversation.Information is { } draft && draft.Messages + draft.Files > 0)
        {
            m.Reply.Say(m.T(TextKey.RequestInformationThanks)
                .Replace("{reference}", m.Ltr(draft.Reference), StringComparison.Ordinal)
                .Replace("{messages}", ConversationMachine.Number(draft.Messages), StringComparison.Ordinal)
                .Replace("{files}", ConversationMachine.Number(draft.Files), StringComparison.Ordinal));
            m.CancelTimer(TimerKind.InformationQuiet);
        }
        m.Conversation.Information = null;
    }

    private ReplyButton[] DoneOrMenu() => [new("done", m.T(TextKey.ButtonDone)), new("menu", m.T(TextKey.ButtonMenu))];

    private string ServiceTitle(string serviceId) => m.Content.Services.Find(serviceId)?.Title[m.Language] ?? serviceId;

    private string StatusText(RequestStatus status) => m.T(Enum.Parse<TextKey>($"Status{status}"));

    private string Line(RequestOverview request)
    {
        var line = m.T(TextKey.FollowUpLine)
            .Replace("{reference}", m.Ltr(request.Reference), StringComparison.Ordinal)
            .Replace("{service}", ServiceTitle(request.ServiceId), StringComparison.Ordinal)
            .Replace("{status}", StatusText(request.Status), StringComparison.Ordinal)
            .Replace("{due}", DueDate.Describe(request.DueAt, m.Language), StringComparison.Ordinal);
        return m.Conversation.AwaitedInformation.Contains(request.Reference) ? line + " " + m.T(TextKey.FollowUpInformationAwaited) : line;
    }

    private string Line(FeedbackOverview feedback) => m.T(feedback.Kind == FeedbackKind.Complaint ? TextKey.FollowUpComplaintLine : TextKey.FollowUpSuggestionLine)
        .Replace("{reference}", m.Ltr(feedback.Reference), StringComparison.Ordinal)
        .Replace("{date}", DueDate.Describe(feedback.CreatedAt, m.Language), StringComparison.Ordinal);
}
