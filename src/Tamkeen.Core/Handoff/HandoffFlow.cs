using Tamkeen.Core.Conversations;
using S = Tamkeen.Core.Conversations.ConversationState;

namespace Tamkeen.Core.Handoff;

/// <summary>
/// Handing the person to staff: a case is opened by asking for a person or by the triggers the other flows call, and one
/// case at a time is open (a new trigger adds to it). In <see cref="S.WithStaff"/> the bot stays silent: what the person
/// sends is kept on the case; only the commands answer («القائمة», «إلغاء», the language).
/// </summary>
internal sealed class HandoffFlow(ConversationMachine m)
{
    private HandoffCase? Case => m.Conversation.Handoff;
    private HandoffSettings Rules => m.Settings.HandoffRules;

    public void Configure()
    {
        m.ReadNumbersAsTextIn(S.WithStaff);
        m.Machine.Configure(S.Dialog).Permit(Trigger.ToStaff, S.WithStaff);
        m.Machine.Configure(S.WithStaff)
            .SubstateOf(S.Dialog)
            .Ignore(Trigger.ToStaff)
            .InternalTransition(m.WriteTrigger, (text, _) => Keep(text))
            .InternalTransition(Trigger.Prompt, () => m.Say(TextKey.CaseWaiting))
            .InternalTransition(Trigger.Back, () => m.Say(TextKey.CaseWaiting))
            .InternalTransition(Trigger.AskForPerson, AskedForPerson)
            .InternalTransition(Trigger.Cancel, () =>
            {
                if (Case is { Answered: false } open)
                {
                    m.Events.Add(new CaseWithdrawn(open.Reference));
                    m.Conversation.Handoff = null;
                    m.Say(TextKey.CaseWithdrawn);
                }
                else m.Say(TextKey.CaseStaysOpen);
                m.Fire(Trigger.ShowMenu);
            });
    }

    /// <summary>Menu 4, «موظف», a button: always to staff, leaving a form if one was under way.</summary>
    public void AskedForPerson()
    {
        if (Case is { } open)
        {
            m.Events.Add(new CaseRaised(open.Reference, CaseReason.AskedForPerson, open.Urgent));
            m.Say(TextKey.CaseAlreadyOpen);
        }
        else Open(CaseReason.AskedForPerson, text: null, urgent: false, aside: false);
        m.Fire(Trigger.ToStaff);
    }

    /// <summary>A trigger another flow noticed (two guide misses, three failed tries, a complaint).</summary>
    /// <param name="aside">The person stays where they are (the form goes on); otherwise they wait for staff here.</param>
    public void OpenFor(CaseReason reason, string? text, bool aside)
    {
        if (Case is { } open)
        {
            m.Events.Add(new CaseRaised(open.Reference, reason, open.Urgent));
            if (!aside) m.Say(TextKey.CaseAlreadyOpen);
        }
        else Open(reason, text, urgent: false, aside);
        if (!aside) m.Fire(Trigger.ToStaff);
    }

    /// <summary>
    /// Urgency words: the case is opened or raised as urgent and managers are alerted. True when the text was taken
    /// (kept for staff); false when the step the person is in still reads it (a request's description).
    /// </summary>
    public bool TakeUrgent(string text, string normalized)
    {
        if (!m.Content.Urgency.Match(normalized)) return false;
        var withStaff = m.Conversation.State == S.WithStaff;
        var atRest = m.AtRest;
        if (Case is { } open)
        {
            if (!open.Urgent)
            {
                open.Urgent = true;
                m.Events.Add(new CaseRaised(open.Reference, CaseReason.Urgent, Urgent: true));
                m.Say(TextKey.CaseUrgent);
            }
            if (withStaff) Keep(text);
        }
        else Open(CaseReason.Urgent, text, urgent: true, aside: !atRest);
        if (atRest) m.Fire(Trigger.ToStaff);
        return withStaff || atRest;
    }

    public void StaffActed(StaffActed acted)
    {
        var ours = Case?.Reference == acted.CaseReference;
        switch (acted.Kind)
        {
            case StaffActionKind.Replied:
                var signature = Rules.StaffTitle is { Length: > 0 } title ? title : acted.Staff;
                m.Reply.Say(m.T(TextKey.StaffReplyFrom).Replace("{staff}", signature, StringComparison.Ordinal) + "\n" + acted.Text);
                m.Reply.Attach(acted.Attachments);
                if (ours) Case!.Answered = true;
                if (ours && m.AtRest) m.Fire(Trigger.ToStaff);
                break;
            case StaffActionKind.Released or StaffActionKind.Closed:
                if (ours) m.Conversation.Handoff = null;
                m.Say(acted.Kind == StaffActionKind.Closed ? TextKey.CaseClosed : TextKey.CaseReleased);
                if (m.Conversation.State == S.WithStaff) m.Fire(Trigger.Reset);
                break;
            case StaffActionKind.Reopened:
                m.Conversation.Handoff ??= new HandoffCase { Reference = acted.CaseReference, Answered = true };
                break;
        }
    }

    private void Keep(string text)
    {
        if (Case is not { } open)
        {
            // Waiting with no case (it was closed from elsewhere meanwhile): this message opens a new one.
            Open(CaseReason.AskedForPerson, text, urgent: false, aside: false);
            return;
        }
        m.Events.Add(new CaseMessageReceived(open.Reference, text, m.Incoming));
    }

    private void Open(CaseReason reason, string? text, bool urgent, bool aside)
    {
        var reference = CaseReference.Create(m.At, m.Input.Number);
        m.Conversation.Handoff = new HandoffCase { Reference = reference, Urgent = urgent };
        m.Conversation.GuideMisses = 0;
        m.Events.Add(new CaseOpened(reference, reason, urgent, text));
        if (urgent) m.Say(TextKey.CaseUrgent);
        var when = WaitWords.When(m.Language, Rules, m.At,
            m.T(TextKey.CaseReplyWithin), m.T(TextKey.CaseReplyWhenOpen));
        m.Reply.Say(m.T(aside ? TextKey.CaseOpenedAside : TextKey.CaseOpened).Replace("{when}", when, StringComparison.Ordinal));
    }
}
