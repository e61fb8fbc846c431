using Stateless;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Text;
using S = Tamkeen.Core.Conversations.ConversationState;

namespace Tamkeen.Core.Guide;

/// <summary>Questions answered from the services guide (menu 1, or free text at the menu): answer, suggestions, or "not sure".</summary>
internal sealed class GuideFlow(ConversationMachine m)
{
    private GuideContext Context => m.Conversation.Guide ??= new GuideContext { Language = m.Language };

    /// <summary>The language the guide's part of the conversation speaks: the question's, or the chat's.</summary>
    private Language Language => m.Conversation.Guide?.Language ?? m.Language;

    public void Configure()
    {
        m.Machine.Configure(S.Asking)
            .SubstateOf(S.Dialog)
            .OnExit(() => m.Conversation.Guide = null, "forget the question");
        PermitQuestions(m.Machine.Configure(S.Asking));
        PermitQuestions(m.Machine.Configure(S.MainMenu));

        m.Machine.Configure(S.Question)
            .SubstateOf(S.Asking)
            .OnEntryFrom(m.AskTrigger, RecordNoMatch, "not sure, record")
            .OnEntry(t =>
            {
                if (t.Trigger == Trigger.Ask) return;
                if (t.Trigger == Trigger.Choose && t.Source == S.AnswerFeedback) NotAnswered(UnansweredReason.NotHelpful);
                else if (t.Trigger == Trigger.Choose && t.Source == S.Suggestions) NotAnswered(UnansweredReason.NoneOfTheSuggestions);
                else AskForQuestion();
            }, "ask for question, or sorry and record")
            .Permit(Trigger.Back, S.MainMenu)
            .PermitReentryIf(m.AskTrigger, match => match.Decision == GuideDecision.Fallback, "no match")
            .InternalTransition(Trigger.Prompt, AskForQuestion)
            .InternalTransition(m.ChooseTrigger, (n, _) =>
            {
                // A number here is a menu choice: the person is looking for the way out.
                m.Fire(Trigger.Reset);
                m.Choose(n);
            })
            .InternalTransition(m.WriteTrigger, (text, _) => Ask(text));

        m.Machine.Configure(S.AnswerFeedback)
            .SubstateOf(S.Asking)
            .OnEntryFrom(m.AskTrigger, match => Answer(match.Best!, match.Language, match.Question), "answer")
            .OnEntryFrom(m.ChooseTrigger, AnswerSuggestion, "answer chosen")
            .OnExit(t =>
            {
                // Left without saying whether it helped (1, 2 or a person): the host may ask later, in one tap.
                var rated = m.Conversation.Guide?.Rated == true || (t.Trigger == Trigger.Choose && t.Parameters is [2]);
                if (!rated && m.Conversation.Guide?.EntryIds is [var entry, ..]) m.Events.Add(new GuideAnswerUnrated(entry));
            }, "unrated: poll later")
            .Permit(Trigger.Back, S.Question)
            .PermitReentryIf(m.AskTrigger, match => match.Decision == GuideDecision.Answer, "answer")
            .InternalTransitionIf(m.ChooseTrigger, n => n == 1, (_, _) =>
            {
                Context.Rated = true;
                m.Conversation.GuideMisses = 0;
                m.Reply.Say(m.T(Language, TextKey.AnswerGlad));
                m.Fire(Trigger.ShowMenu);
            }, "1 helped")
            .PermitIf(m.ChooseTrigger, S.Question, n => n == 2, "2 did not help")
            .InternalTransitionIf(m.ChooseTrigger, n => n == 3, (_, _) =>
            {
                Context.Rated = true;
                m.Fire(Trigger.AskForPerson);
            }, "3 person")
            .InternalTransitionIf(m.ChooseTrigger, n => n is < 1 or > 3, (_, _) => m.NotUnderstood(), "other: not understood")
            .InternalTransition(m.WriteTrigger, (text, _) =>
            {
                if (YesOrNo(text) is { } helped) m.Choose(helped ? 1 : 2);
                else Ask(text);
            })
            .InternalTransition(Trigger.Prompt, AskIfHelpful);

        m.Machine.Configure(S.Suggestions)
            .SubstateOf(S.Asking)
            .OnEntryFrom(m.AskTrigger, Suggest, "offer titles")
            .Permit(Trigger.Back, S.Question)
            .PermitReentryIf(m.AskTrigger, match => match.Decision == GuideDecision.Suggest, "suggest")
            .PermitIf(m.ChooseTrigger, S.AnswerFeedback, n => n >= 1 && n <= SuggestedIds().Length, "one of them")
            .PermitIf(m.ChooseTrigger, S.Question, n => n == SuggestedIds().Length + 1, "none of them")
            .InternalTransitionIf(m.ChooseTrigger, n => n < 1 || n > SuggestedIds().Length + 1, (_, _) => m.NotUnderstood(), "other: not understood")
            .InternalTransition(m.WriteTrigger, (text, _) => Ask(text))
            .InternalTransition(Trigger.Prompt, OfferSuggestions);
    }

    /// <summary>Sends a question to the guide; its decision picks the next step.</summary>
    public void Ask(string text) => Put(m.Content.Guide.Ask(text, m.Language));

    /// <summary>A first message: answered if the guide knows it, otherwise nothing (the menu follows the welcome).</summary>
    public bool TryAnswerFirst(string text)
    {
        var match = m.Content.Guide.Ask(text, m.Language);
        if (match.Decision == GuideDecision.Fallback) return false;
        Put(match);
        return true;
    }

    private void Put(GuideMatch match)
    {
        m.Events.Add(new GuideQuestionAsked(match.Language));
        m.Machine.Fire(m.AskTrigger, match);
    }

    /// <summary>The step the guide's decision leads to, wherever a question may be asked (each step re-enters itself on its own).</summary>
    private void PermitQuestions(StateMachine<S, Trigger>.StateConfiguration configuration) => configuration
        .PermitIf(m.AskTrigger, S.AnswerFeedback, match => match.Decision == GuideDecision.Answer, "answer")
        .PermitIf(m.AskTrigger, S.Suggestions, match => match.Decision == GuideDecision.Suggest, "suggest")
        .PermitIf(m.AskTrigger, S.Question, match => match.Decision == GuideDecision.Fallback, "no match");

    private bool? YesOrNo(string text) => m.Content.Lexicon.Match(ArabicText.Normalize(text)) switch
    {
        Command.Yes => true,
        Command.No => false,
        _ => null,
    };

    /// <summary>The entries offered as suggestions, leaving out any the guide no longer has (it may have been reloaded).</summary>
    private string[] SuggestedIds() => (m.Conversation.Guide?.EntryIds ?? []).Where(id => m.Content.Guide.Find(id) is not null).ToArray();

    private void AskForQuestion()
    {
        m.Say(TextKey.QuestionPrompt);
        m.Reply.Offer(m.Navigation());
    }

    private void Answer(GuideEntry entry, Language language, string question)
    {
        var context = Context;
        context.Question = question;
        context.Language = language;
        context.EntryIds = [entry.Id];
        m.Reply.Say(entry.AnswerFor(language, m.Channel));
        AskIfHelpful();
    }

    private void AskIfHelpful()
    {
        var language = Language;
        m.Reply.Say(m.T(language, TextKey.AnswerHelpful));
        m.Reply.Offer(
        [
            new("1", m.T(language, TextKey.AnswerYes)),
            new("2", m.T(language, TextKey.AnswerNo)),
            new("3", m.T(language, TextKey.ButtonTalkToStaff)),
        ]);
    }

    /// <summary>Entering AnswerFeedback by a number: the suggestion picked (the guard checked that it exists).</summary>
    private void AnswerSuggestion(int number)
    {
        var entry = m.Content.Guide.Find(SuggestedIds()[number - 1])!;
        Answer(entry, Language, m.Conversation.Guide?.Question ?? entry.Title[m.Language]);
    }

    private void Suggest(GuideMatch match)
    {
        var context = Context;
        context.Question = match.Question;
        context.Language = match.Language;
        context.EntryIds = match.Suggestions.Select(e => e.Id).ToList();
        OfferSuggestions();
    }

    private void OfferSuggestions()
    {
        var language = Language;
        var entries = SuggestedIds().Select(m.Content.Guide.Find).OfType<GuideEntry>().ToList();
        m.Reply.Say(m.T(language, TextKey.SuggestionsPrompt));
        m.Reply.Offer(
        [
            .. entries.Select((e, i) => new ReplyButton(ConversationMachine.Number(i + 1), e.Title[language])),
            new(ConversationMachine.Number(entries.Count + 1), m.T(language, TextKey.SuggestionsNone)),
        ]);
    }

    private void RecordNoMatch(GuideMatch match)
    {
        m.Events.Add(new QuestionUnanswered(match.Question, match.Language, UnansweredReason.NoMatch, null));
        m.Conversation.Guide = new GuideContext { Language = match.Language };
        m.Reply.Say(m.T(match.Language, TextKey.QuestionNotSure));
        if (!Missed(match.Question)) m.Reply.Offer(m.PersonOrMenu(match.Language));
    }

    /// <summary>The second question in a row the guide did not answer goes to staff, with the question.</summary>
    private bool Missed(string question)
    {
        if (++m.Conversation.GuideMisses < 2) return false;
        m.Handoff.OpenFor(CaseReason.GuideFailedTwice, question, aside: false);
        return true;
    }

    /// <summary>"Did not help" or "none of these": record the question, apologise, offer a person or another try.</summary>
    private void NotAnswered(UnansweredReason reason)
    {
        var language = Language;
        var question = m.Conversation.Guide?.Question;
        if (m.Conversation.Guide is { Question: not null } context)
        {
            var entryId = reason == UnansweredReason.NotHelpful ? context.EntryIds.FirstOrDefault() : null;
            m.Events.Add(new QuestionUnanswered(question!, language, reason, entryId));
        }
        m.Conversation.Guide = new GuideContext { Language = language };
        m.Reply.Say(m.T(language, TextKey.AnswerSorry));
        if (!Missed(question ?? "")) m.Reply.Offer(m.PersonOrMenu(language));
    }
}
