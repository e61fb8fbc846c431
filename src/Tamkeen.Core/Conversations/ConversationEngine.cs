using Stateless.Graph;
using Tamkeen.Core.Guide;
using Tamkeen.Core.Subscriptions;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// Turns one received message into the conversation's next state, its reply and its events.
/// Pure: the caller loads and saves the <see cref="Conversation"/>.
/// </summary>
public sealed class ConversationEngine(ConversationContent content, ConversationSettings settings)
{
    /// <param name="conversation">The stored conversation; changed in place.</param>
    /// <param name="reference">The number given to anything this message creates (unique per stored message).</param>
    /// <param name="message">What the person sent.</param>
    public ConversationOutcome Handle(Conversation conversation, string reference, InboundMessage message)
    {
        var machine = new ConversationMachine(conversation, content, reference, message.ReceivedAt, message.Channel);
        var text = ArabicText.Clean(message.ButtonPayload ?? message.Text);
        var normalized = ArabicText.Normalize(text);

        if (message.Notice is { } notice)
        {
            // News from the association, not a message from the person: no welcome, no idle clock.
            machine.Notify(notice);
            return new ConversationOutcome(machine.Reply.Build(), machine.Events);
        }

        if (SubscriptionKeywords.AppliesTo(message.Channel) && content.Subscription.Match(normalized) is { } keyword)
        {
            // Answered in the keyword's own language. STOP and HELP leave the conversation as it was (no welcome, no
            // idle clock); START begins it afresh from the menu, with the welcome if this is the first contact.
            if (keyword == SubscriptionKeyword.Start)
            {
                if (conversation.LastMessageAt is null) machine.Say(TextKey.Welcome);
                conversation.LastMessageAt = message.ReceivedAt;
            }
            machine.AnswerKeyword(keyword, QuestionLanguage.Detect(text) ?? conversation.Language);
            return new ConversationOutcome(machine.Reply.Build(), machine.Events);
        }

        var firstContact = conversation.LastMessageAt is null;
        var freshStart = StartAfresh(conversation, message.ReceivedAt, machine);
        conversation.LastMessageAt = message.ReceivedAt;
        var attachments = message.Attachments.Where(a => !a.TooLarge).ToList();
        if (attachments.Count < message.Attachments.Count)
            machine.Reply.Say(content.Texts[conversation.Language, TextKey.AttachmentTooLarge, message.Channel]
                .Replace("{limit}", settings.MaxAttachmentMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var attachmentsKept = machine.KeepAttachments(attachments);
        var typedNumber = ArabicText.AsNumber(normalized);
        var numberIsAnswer = typedNumber is not null && machine.ReadsNumbersAsText;
        var number = numberIsAnswer ? null : typedNumber;
        var command = numberIsAnswer ? null : content.Lexicon.Match(normalized);

        if (text.Length > settings.MaxMessageLength)
        {
            machine.Reply.Say(content.Texts[conversation.Language, TextKey.TooLong, message.Channel]
                .Replace("{limit}", settings.MaxMessageLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            machine.Prompt();
        }
        else if (text.Length == 0)
        {
            if (attachmentsKept && conversation.State == ConversationState.RequestInformation) machine.Write("");
            else
            {
                if (attachments.Count > 0 && !attachmentsKept) machine.Say(TextKey.AttachmentsNotRead);
                machine.Prompt();
            }
        }
        else if (command is { } c and not (Command.Suggestion or Command.Complaint or Command.Yes or Command.No or Command.Skip))
        {
            FireCommand(machine, c);
        }
        else if (firstContact && number is null && command is null)
        {
            machine.WriteAfterWelcome(text);
        }
        else if (freshStart && number is null && command is null)
        {
            // After a long pause the text was probably meant for the old step; show where we are now.
            machine.Prompt();
        }
        else if (number is { } n)
        {
            machine.Choose(n);
        }
        else
        {
            machine.Write(text);
        }

        return new ConversationOutcome(machine.Reply.Build(), machine.Events);
    }

    /// <summary>The state graph in DOT, for the README.</summary>
    public string StateGraph() =>
        UmlDotGraph.Format(new ConversationMachine(new Conversation(), content, "0", DateTimeOffset.UnixEpoch, Channel.WebChat).Machine.GetInfo());

    /// <summary>First contact gets the welcome; a conversation idle too long starts again from the menu.</summary>
    private bool StartAfresh(Conversation conversation, DateTimeOffset receivedAt, ConversationMachine machine)
    {
        if (conversation.LastMessageAt is null)
        {
            machine.Say(TextKey.Welcome);
            return true;
        }
        if (receivedAt - conversation.LastMessageAt.Value <= settings.IdleTimeout) return false;
        conversation.State = ConversationState.MainMenu;
        conversation.PendingFeedbackKind = null;
        conversation.PendingQuestion = null;
        conversation.QuestionLanguage = null;
        conversation.GuideEntryIds = null;
        machine.Say(TextKey.IdleRestart);
        return true;
    }

    private static void FireCommand(ConversationMachine machine, Command command)
    {
        switch (command)
        {
            case Command.Menu: machine.Fire(Trigger.ShowMenu); break;
            case Command.Back: machine.Fire(Trigger.Back); break;
            case Command.Cancel: machine.Fire(Trigger.Cancel); break;
            case Command.Human: machine.Fire(Trigger.AskForPerson); break;
            case Command.English: machine.SwitchLanguage(Language.English); break;
            case Command.Arabic: machine.SwitchLanguage(Language.Arabic); break;
        }
    }
}
