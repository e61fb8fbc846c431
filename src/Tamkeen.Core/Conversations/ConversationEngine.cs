using System.Collections.Concurrent;
using System.Globalization;
using Stateless.Graph;
using Tamkeen.Core.Feedback;
using Tamkeen.Core.Guide;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Subscriptions;
using Tamkeen.Core.Surveys;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// Turns one input into the conversation's next state, its replies, its events and its timers.
/// Pure: the caller loads the <see cref="Conversation"/> and the facts <see cref="Needs"/> names, and saves the result.
/// </summary>
public sealed class ConversationEngine(ConversationContent content, ConversationSettings settings)
{
    // Configuring a machine (every step of every flow) cost a fifth of the time of a message; so machines are kept and
    // used again, each by one input at a time. One that failed midway is dropped, as Stateless may hold its queue.
    private readonly ConcurrentBag<ConversationMachine> _idle = [];

    /// <summary>Which stored records the step this input starts may read, so the host loads them before <see cref="Handle"/>.</summary>
    public static FactsQuery Needs(Conversation conversation, ConversationInput input)
    {
        if (input is not PersonWrote wrote) return FactsQuery.Nothing;
        var text = ArabicText.Clean(wrote.ButtonPayload is { } payload ? ButtonPayloads.Choice(payload) : wrote.Text);
        var number = ArabicText.AsNumber(ArabicText.Normalize(text));
        var atMenu = conversation.State is ConversationState.MainMenu or ConversationState.Question;
        return new FactsQuery(
            OwnRecords: atMenu && number == 3,
            Reference: RequestReference.Find(text) ?? FeedbackReference.Find(text),
            Duplicate: RequestFlow.DuplicateToCheck(conversation, text, number));
    }

    /// <param name="conversation">The stored conversation; changed in place.</param>
    public ConversationOutcome Handle(Conversation conversation, ConversationInput input, ConversationFacts facts)
    {
        var m = _idle.TryTake(out var idle) ? idle : new ConversationMachine(content, settings);
        m.Start(conversation, input, facts);
        switch (input)
        {
            case PersonWrote wrote:
                Read(m, wrote);
                break;
            case RequestStatusChanged changed:
                m.FollowUp.Notify(changed.Notice);
                break;
            case TimerFired timer:
                Fire(m, timer.Kind);
                break;
            case StaffActed acted:
                m.Handoff.StaffActed(acted);
                break;
            case PollDue due:
                m.Surveys.Due(due);
                break;
        }
        var outcome = new ConversationOutcome(m.Reply.Build(Step(conversation)), m.Events, m.Timers, StartedByBot: input is not PersonWrote);
        m.Finish();
        _idle.Add(m);
        return outcome;
    }

    /// <summary>The state graph in DOT, for the README.</summary>
    public string StateGraph()
    {
        var input = new PersonWrote("0", Channel.WebChat, DateTimeOffset.UnixEpoch, null, null, []);
        var machine = new ConversationMachine(content, settings);
        machine.Start(new Conversation(), input, ConversationFacts.None);
        return UmlDotGraph.Format(machine.Machine.GetInfo());
    }

    /// <summary>
    /// The step a button belongs to: the state, and what makes one occurrence of it differ from another (the field
    /// asked, the suggestions offered).
    /// </summary>
    public static string Step(Conversation conversation) => conversation.State switch
    {
        ConversationState.RequestField => $"{conversation.State}.{conversation.Request?.Field}",
        ConversationState.Suggestions => $"{conversation.State}.{StableHash(string.Join(',', conversation.Guide?.EntryIds ?? []))}",
        _ => conversation.State.ToString(),
    };

    private void Read(ConversationMachine m, PersonWrote wrote)
    {
        var conversation = m.Conversation;
        var (choice, step) = wrote.ButtonPayload is { } payload ? ButtonPayloads.Split(payload) : (null, null);
        var text = ArabicText.Clean(choice ?? wrote.Text);
        var normalized = ArabicText.Normalize(text);

        if (SubscriptionKeywords.AppliesTo(wrote.Channel) && content.Subscription.Match(normalized) is { } keyword)
        {
            SubscriptionAnswers.Answer(m, keyword, QuestionLanguage.Clearly(text) ?? conversation.Language);
            return;
        }

        var firstContact = conversation.LastMessageAt is null;
        var command = content.Lexicon.Match(normalized);
        if (firstContact)
        {
            if (command == Command.Greeting && IsSalam(normalized)) m.Say(TextKey.GreetingSalamReply);
            m.Say(TextKey.Welcome);
        }
        var restarted = StartAgainIfIdle(m, wrote.At);
        conversation.LastMessageAt = wrote.At;
        m.KeepIdleTimer();

        var attachments = wrote.Attachments.Where(a => !a.TooLarge).ToList();
        if (attachments.Count < wrote.Attachments.Count)
            m.Reply.Say(m.T(TextKey.AttachmentTooLarge).Replace("{limit}", ConversationMachine.Number(settings.MaxAttachmentMegabytes), StringComparison.Ordinal));

        if (m.Surveys.Take(step, choice, text, normalized, command)) return;
        if (step is not null && step != Step(conversation) && choice is not null && content.Lexicon.Match(ArabicText.Normalize(choice)) is not (Command.Menu or Command.Human))
        {
            // A button from an earlier message: it belonged to another step, so it chooses nothing here.
            m.Say(TextKey.OldButton);
            m.Prompt();
            return;
        }
        if (choice is not null && choice.StartsWith(ButtonPayloads.SendInformationPrefix, StringComparison.Ordinal))
        {
            m.FollowUp.SendNow(choice[ButtonPayloads.SendInformationPrefix.Length..]);
            return;
        }

        var takesFiles = conversation.State is ConversationState.RequestInformation or ConversationState.WithStaff;
        if (takesFiles) m.Incoming = attachments;
        var filesKept = takesFiles ? attachments.Count > 0 : m.Requests.KeepAttachments(attachments);
        var typedNumber = ArabicText.AsNumber(normalized);
        var numberIsAnswer = typedNumber is not null && m.ReadsNumbersAsText;
        var number = numberIsAnswer ? null : typedNumber;
        if (numberIsAnswer) command = null;

        if (text.Length > settings.MaxMessageLength)
        {
            m.Reply.Say(m.T(TextKey.TooLong).Replace("{limit}", settings.MaxMessageLength.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal));
            m.Prompt();
        }
        else if (text.Length == 0)
        {
            if (takesFiles && filesKept) m.Write("");
            else
            {
                if (attachments.Count > 0 && !filesKept) m.Say(TextKey.AttachmentsNotRead);
                m.Prompt();
            }
        }
        else if (firstContact && command is Command.Greeting) m.Prompt();
        else if (command is { } c && Fire(m, c, normalized)) { }
        else if (command is null && m.Handoff.TakeUrgent(text, normalized)) { }
        else if (!text.Any(char.IsLetterOrDigit) && m.AtRest)
        {
            // Only emoji or symbols: a friendly one is thanks; none is a question for the guide.
            if (FriendlyEmoji.Any(e => text.Contains(e, StringComparison.Ordinal))) m.Say(TextKey.ThanksReply);
            m.Prompt();
        }
        else if (firstContact && number is null && command is null)
        {
            if (!m.Guide.TryAnswerFirst(text)) m.Prompt();
        }
        else if (restarted && number is null && command is null)
        {
            // After a long pause the text was probably meant for the old step; show where we are now.
            m.Prompt();
        }
        else if (number is { } n) m.Choose(n);
        else m.Write(text);
    }

    /// <summary>The commands understood in every step; false for the words only some steps read (yes, no, skip, a feedback kind).</summary>
    private static bool Fire(ConversationMachine m, Command command, string normalized)
    {
        var freeText = m.Conversation.State is ConversationState.RequestInformation or ConversationState.FeedbackText;
        // Waiting for staff, only the way out and the language are commands; "thanks" or "done" is for staff to read.
        if (m.Conversation.State == ConversationState.WithStaff && command is not (Command.Menu or Command.Cancel or Command.Human or Command.English or Command.Arabic))
            return false;
        switch (command)
        {
            case Command.Menu: m.Fire(Trigger.ShowMenu); return true;
            case Command.Back: m.Fire(Trigger.Back); return true;
            case Command.Cancel: m.Fire(Trigger.Cancel); return true;
            case Command.Human: m.Fire(Trigger.AskForPerson); return true;
            case Command.English: m.SwitchLanguage(Language.English); return true;
            case Command.Arabic: m.SwitchLanguage(Language.Arabic); return true;
            case Command.Done: m.Fire(Trigger.Done); return true;
            case Command.Greeting or Command.Thanks when !freeText:
                // Greeted or thanked: a short reply, and the step goes on; never a question for the guide.
                m.Say(command == Command.Thanks ? TextKey.ThanksReply : IsSalam(normalized) ? TextKey.GreetingSalamReply : TextKey.GreetingReply);
                m.Prompt();
                return true;
            default: return false;
        }
    }

    private static void Fire(ConversationMachine m, TimerKind kind)
    {
        switch (kind)
        {
            case TimerKind.Idle:
                var conversation = m.Conversation;
                conversation.IdleTimerAt = null;
                if (conversation.LastMessageAt is not { } last) break;
                if (last + m.Settings.IdleTimeout > m.At)
                {
                    // The person wrote since it was set: it comes back when their last message is old enough.
                    m.KeepIdleTimer(last + m.Settings.IdleTimeout);
                    break;
                }
                if (!conversation.Restarted && HasSomethingOpen(conversation))
                {
                    m.Fire(Trigger.Reset);
                    conversation.Restarted = true;
                }
                break;
            case TimerKind.InformationReminder: m.FollowUp.Remind(); break;
            case TimerKind.InformationQuiet: m.FollowUp.QuietTimeOver(); break;
            case TimerKind.PollReminder: m.Surveys.Remind(); break;
            case TimerKind.PollExpiry: m.Surveys.Expire(); break;
        }
    }

    /// <summary>
    /// The idle timer started the conversation again (the person is told now), or it has not fired yet though it was
    /// due (the service was down): start again now.
    /// </summary>
    private static bool StartAgainIfIdle(ConversationMachine m, DateTimeOffset at)
    {
        var conversation = m.Conversation;
        if (!conversation.Restarted && !(conversation.LastMessageAt is { } last && at - last > m.Settings.IdleTimeout && HasSomethingOpen(conversation)))
            return false;
        if (!conversation.Restarted) m.Fire(Trigger.Reset);
        conversation.Restarted = false;
        m.Say(TextKey.IdleRestart);
        return true;
    }

    /// <summary>Waiting for staff is not something a pause undoes: staff may answer hours later.</summary>
    private static bool HasSomethingOpen(Conversation conversation) =>
        conversation.State is not (ConversationState.MainMenu or ConversationState.WithStaff) || conversation.Request is not null || conversation.Guide is not null
        || conversation.Feedback is not null || conversation.Information is not null;

    private static bool IsSalam(string normalized) => normalized.Contains("سلام", StringComparison.Ordinal);

    private static readonly string[] FriendlyEmoji = ["🙏", "👍", "❤", "🌹", "🌷", "😊", "🙂", "👌", "💐", "🤍", "💙", "💚", "☺"];

    private static string StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (var ch in text) hash = (hash ^ ch) * 16777619;
        return (hash & 0xFFFF).ToString("x4", CultureInfo.InvariantCulture);
    }
}
