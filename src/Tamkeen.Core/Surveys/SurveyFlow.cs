using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Surveys;

/// <summary>
/// Satisfaction polls on the person's own channel. A poll never blocks: it is asked at rest, any other message leaves
/// it (and is handled as usual), and its buttons still count until it expires. Evaluation is the person's right:
/// the wording says so, and «لا أرغب في التقييم» stops polls for good.
/// </summary>
internal sealed class SurveyFlow(ConversationMachine m)
{
    private const string StepPrefix = "poll:";
    private const string OptOutChoice = "optout";

    private static readonly HashSet<string> OptOutPhrases = new(
        new[] { "لا أرغب في التقييم", "لا ارغب في التقييم", "لا أريد التقييم", "لا اريد التقييم", "بدون تقييم", "no more surveys", "no surveys", "stop surveys" }
            .Select(ArabicText.Normalize), StringComparer.Ordinal);

    private PollDraft? Poll => m.Conversation.Poll;
    private PollSettings Rules => m.Settings.PollRules;

    public void Due(PollDue due)
    {
        var conversation = m.Conversation;
        PollNotSentReason? skip = conversation.PollsOptedOut ? PollNotSentReason.OptedOut
            : due.CannotReach is { } cannot ? cannot
            : Poll is not null || conversation.LastPollSentAt + Rules.MinimumGap > m.At ? PollNotSentReason.TooSoon
            : !m.AtRest ? PollNotSentReason.Busy
            : null;
        if (skip is { } reason)
        {
            m.Events.Add(new PollNotSent(due.Subject, due.Reference, reason));
            return;
        }
        var poll = new PollDraft { Id = $"POL-{due.Number}", Subject = due.Subject, Reference = due.Reference, AskResolved = due.Subject == PollSubject.Case };
        conversation.Poll = poll;
        conversation.LastPollSentAt = m.At;
        m.Events.Add(new PollSent(poll.Id, due.Subject, due.Reference, due.HandledBy, due.Outcome));
        AskScore(poll, reminder: false);
        m.SetTimer(TimerKind.PollReminder, Rules.RemindAfter);
        m.SetTimer(TimerKind.PollExpiry, Rules.ExpiresAfter);
    }

    /// <summary>A poll button (of this poll or an expired one), the opt-out words, or a typed answer right after a question.</summary>
    /// <returns>True when the message was the poll's; false when it is handled as usual.</returns>
    public bool Take(string? step, string? choice, string text, string normalized, Command? command)
    {
        if (step is not null && step.StartsWith(StepPrefix, StringComparison.Ordinal))
        {
            Pressed(step[StepPrefix.Length..], choice ?? "");
            return true;
        }
        if (OptOutPhrases.Contains(normalized))
        {
            OptOut();
            return true;
        }
        if (Poll is not { Left: false } poll) return false;
        switch (poll.Step)
        {
            case PollStep.Score when m.Content.Scores.Read(text) is { } score:
                Scored(poll, score);
                return true;
            case PollStep.Comment when command == Command.Skip:
                AfterComment(poll);
                return true;
            case PollStep.Comment when command is null && text.Length > 0:
                poll.Comment = text;
                AfterComment(poll);
                return true;
            case PollStep.Resolved when command is Command.Yes or Command.No:
                Finish(poll, resolved: command == Command.Yes);
                return true;
        }
        // Something else: the poll steps aside. A score already given still counts.
        if (poll.Score is not null) Finish(poll, thank: false);
        else poll.Left = true;
        return false;
    }

    public void Remind()
    {
        if (Poll is not { Score: null, Reminded: false } poll || !m.AtRest) return;
        poll.Reminded = true;
        poll.Left = false;
        AskScore(poll, reminder: true);
    }

    public void Expire()
    {
        if (Poll is not { } poll) return;
        if (poll.Score is not null) Finish(poll, thank: false);
        else
        {
            m.Events.Add(new PollExpired(poll.Id));
            m.Conversation.Poll = null;
        }
    }

    private void Pressed(string pollId, string choice)
    {
        if (choice == OptOutChoice)
        {
            OptOut();
            return;
        }
        if (Poll is not { } poll || poll.Id != pollId)
        {
            m.Events.Add(new PollAnsweredLate(pollId));
            m.Say(TextKey.PollClosed);
            return;
        }
        if (poll.Step == PollStep.Score && int.TryParse(choice, out var score) && score is >= 1 and <= 5) Scored(poll, score);
        else if (poll.Step == PollStep.Resolved && choice is "yes" or "no") Finish(poll, resolved: choice == "yes");
        else if (choice == "skip") AfterComment(poll);
    }

    private void Scored(PollDraft poll, int score)
    {
        poll.Score = score;
        poll.Left = false;
        if (poll.Subject == PollSubject.GuideAnswer)
        {
            Finish(poll);
            return;
        }
        poll.Step = PollStep.Comment;
        m.Say(TextKey.PollCommentAsk);
        m.Reply.Offer([new($"skip@{StepPrefix}{poll.Id}", m.T(TextKey.RequestSkip))]);
    }

    private void AfterComment(PollDraft poll)
    {
        if (!poll.AskResolved)
        {
            Finish(poll);
            return;
        }
        poll.Step = PollStep.Resolved;
        m.Say(TextKey.PollResolvedAsk);
        m.Reply.Offer([new($"yes@{StepPrefix}{poll.Id}", m.T(TextKey.AnswerYes)), new($"no@{StepPrefix}{poll.Id}", m.T(TextKey.AnswerNo))]);
    }

    private void Finish(PollDraft poll, bool? resolved = null, bool thank = true)
    {
        m.Events.Add(new PollAnswered(poll.Id, poll.Score!.Value, poll.Comment, resolved));
        m.Conversation.Poll = null;
        m.CancelTimer(TimerKind.PollReminder);
        m.CancelTimer(TimerKind.PollExpiry);
        if (thank) m.Say(TextKey.PollThanks);
        // A poor score is a case for the managers: the service is put right, not the person questioned.
        if (poll.Score <= 2) m.Handoff.OpenFor(CaseReason.LowScore, poll.Comment ?? "", aside: true);
    }

    private void OptOut()
    {
        m.Conversation.PollsOptedOut = true;
        m.Conversation.Poll = null;
        m.CancelTimer(TimerKind.PollReminder);
        m.CancelTimer(TimerKind.PollExpiry);
        m.Events.Add(new PollsOptedOut());
        m.Say(TextKey.PollOptedOut);
    }

    private void AskScore(PollDraft poll, bool reminder)
    {
        var question = poll.Subject switch
        {
            PollSubject.Request => m.T(TextKey.PollAskRequest).Replace("{reference}", m.Ltr(poll.Reference ?? ""), StringComparison.Ordinal),
            PollSubject.Case => m.T(TextKey.PollAskCase),
            _ => m.T(TextKey.PollAskGuide),
        };
        m.Reply.Say(reminder ? m.T(TextKey.PollReminder) + "\n" + question : question);
        m.Reply.Offer(
        [
            .. Enumerable.Range(1, 5).Reverse().Select(n => new ReplyButton($"{n}@{StepPrefix}{poll.Id}", m.T(Enum.Parse<TextKey>($"PollScale{n}")))),
            new($"{OptOutChoice}@{StepPrefix}{poll.Id}", m.T(TextKey.PollOptOut)),
        ]);
    }
}
