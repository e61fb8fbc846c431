using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Surveys;
using static Tamkeen.Core.Tests.Chat;

namespace Tamkeen.Core.Tests.Surveys;

public sealed class PollConversationTests
{
    private const string Reference = "TMK-2611-00042";

    private static Chat AtMenu(Channel channel = Channel.WebChat)
    {
        var chat = new Chat(channel: channel);
        chat.Send("مرحبا");
        return chat;
    }

    [Fact]
    public void A_poll_after_a_request_says_rating_is_a_right_and_offers_the_five_points_and_opting_out()
    {
        var chat = AtMenu();
        var question = chat.PollDue(PollSubject.Request, Reference, handledBy: "sara", outcome: "Completed");

        Assert.Contains("\u2066" + Reference + "\u2069", question);
        Assert.Contains("التقييم حقّ لك ولن يؤثر على أي طلب", question);
        Assert.Equal(["5", "4", "3", "2", "1", "optout"], chat.ButtonPayloads);
        var sent = Assert.Single(chat.Events.OfType<PollSent>());
        Assert.Equal((PollSubject.Request, Reference, "sara", "Completed"), (sent.Subject, sent.Reference, sent.HandledBy, sent.Outcome));
    }

    [Theory]
    [InlineData("٤", 4)]
    [InlineData("ممتاز", 5)]
    [InlineData("👎", 1)]
    public void A_typed_score_then_a_comment_is_recorded(string typed, int score)
    {
        var chat = AtMenu(Channel.WhatsApp);
        chat.PollDue(PollSubject.Request, Reference);
        Assert.Equal(Ar(TextKey.PollCommentAsk), chat.Send(typed));
        chat.Send("الرد كان سريعاً والموظفة متعاونة");

        var answer = Assert.Single(chat.Events.OfType<PollAnswered>());
        Assert.Equal((score, "الرد كان سريعاً والموظفة متعاونة", (bool?)null), (answer.Score, answer.Comment, answer.Resolved));
        Assert.Null(chat.Conversation.Poll);
    }

    [Fact]
    public void A_typed_5_right_after_the_question_is_the_score_not_menu_item_5()
    {
        var chat = AtMenu(Channel.Sms);
        chat.PollDue(PollSubject.Request, Reference);
        chat.Send("5");
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Equal(5, chat.Conversation.Poll?.Score);
    }

    [Fact]
    public void Any_other_message_leaves_the_poll_and_is_handled_as_usual_and_the_buttons_still_count()
    {
        var chat = AtMenu();
        chat.PollDue(PollSubject.Request, Reference);
        var pollButtons = chat.LastReply!.Buttons;

        chat.Send("ما المستندات المطلوبة للتسجيل؟");
        chat.Send("القائمة");
        Assert.Contains(Ar(TextKey.FeedbackChooseKind), chat.Send("5"));
        Assert.Equal(ConversationState.FeedbackKind, chat.Conversation.State);

        var four = pollButtons.Single(b => b.Choice == "4");
        Assert.Equal(Ar(TextKey.PollCommentAsk), chat.Send(four.Label, four.Payload));
        chat.Send("تخطي");
        Assert.Equal(4, Assert.Single(chat.Events.OfType<PollAnswered>()).Score);
    }

    [Fact]
    public void After_a_staff_case_the_person_is_asked_whether_the_issue_was_resolved()
    {
        var chat = AtMenu();
        chat.PollDue(PollSubject.Case, "CAS-2611-00007", handledBy: "nura");
        chat.Send("3");
        Assert.Equal(Ar(TextKey.PollResolvedAsk), chat.Send("تخطي"));
        chat.Send("نعم");
        var answer = Assert.Single(chat.Events.OfType<PollAnswered>());
        Assert.Equal((3, (string?)null, (bool?)true), (answer.Score, answer.Comment, answer.Resolved));
    }

    [Fact]
    public void A_guide_poll_is_one_tap()
    {
        var chat = AtMenu();
        chat.PollDue(PollSubject.GuideAnswer, "registration-documents");
        Assert.Equal(Ar(TextKey.PollThanks), chat.Send("👍"));
        Assert.Equal(5, Assert.Single(chat.Events.OfType<PollAnswered>()).Score);
    }

    [Fact]
    public void A_score_of_1_or_2_opens_a_service_recovery_case_with_the_comment()
    {
        var chat = AtMenu();
        chat.PollDue(PollSubject.Request, Reference);
        chat.Send("1");
        var reply = chat.Send("لم يتواصل معي أحد منذ شهر");

        var opened = Assert.Single(chat.Events.OfType<CaseOpened>());
        Assert.Equal((CaseReason.LowScore, "لم يتواصل معي أحد منذ شهر"), (opened.Reason, opened.Text));
        Assert.Contains(ArLead(TextKey.CaseOpenedAside), reply);
    }

    [Fact]
    public void At_most_one_poll_a_week_and_none_while_the_person_is_in_a_form()
    {
        var chat = AtMenu();
        chat.PollDue(PollSubject.Request, Reference);
        chat.Send("5");
        chat.Send("تخطي");
        chat.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal("", chat.PollDue(PollSubject.Case, "CAS-2611-00008"));
        chat.Clock.Advance(TimeSpan.FromDays(2));
        chat.Send("2");
        Assert.Equal("", chat.PollDue(PollSubject.Case, "CAS-2611-00009"));

        Assert.Equal([PollNotSentReason.TooSoon, PollNotSentReason.Busy], chat.Events.OfType<PollNotSent>().Select(p => p.Reason));
        Assert.Single(chat.Events.OfType<PollSent>());
    }

    [Fact]
    public void A_poll_the_host_cannot_deliver_is_recorded_as_not_sent_and_does_not_count_as_the_weeks_poll()
    {
        var chat = AtMenu();
        Assert.Equal("", chat.PollDue(PollSubject.Request, Reference, cannotReach: PollNotSentReason.OutsideWhatsAppWindow));
        Assert.Equal(PollNotSentReason.OutsideWhatsAppWindow, Assert.Single(chat.Events.OfType<PollNotSent>()).Reason);
        Assert.Null(chat.Conversation.Poll);
        Assert.Equal(Ar(TextKey.PollAskCase), chat.PollDue(PollSubject.Case, "CAS-2611-00008"));
        Assert.Single(chat.Events.OfType<PollSent>());
    }

    [Fact]
    public void Opting_out_stops_every_later_poll()
    {
        var chat = AtMenu();
        chat.PollDue(PollSubject.Request, Reference);
        Assert.Equal(Ar(TextKey.PollOptedOut), chat.Send("لا أرغب في التقييم"));
        chat.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal("", chat.PollDue(PollSubject.Request, "TMK-2611-00043"));
        Assert.Equal(PollNotSentReason.OptedOut, Assert.Single(chat.Events.OfType<PollNotSent>()).Reason);
        Assert.True(chat.Conversation.PollsOptedOut);
    }

    [Fact]
    public void One_reminder_then_the_poll_expires_and_a_late_press_is_thanked_not_counted()
    {
        var chat = AtMenu();
        chat.PollDue(PollSubject.Request, Reference);
        var five = chat.LastReply!.Buttons.Single(b => b.Choice == "5");

        chat.Clock.Advance(TimeSpan.FromHours(24));
        chat.FireDueTimers();
        Assert.StartsWith(Ar(TextKey.PollReminder), Assert.Single(chat.Unprompted).Text);
        chat.Clock.Advance(TimeSpan.FromHours(24));
        chat.FireDueTimers();
        Assert.Single(chat.Events.OfType<PollExpired>());
        Assert.Null(chat.Conversation.Poll);

        Assert.Equal(Ar(TextKey.PollClosed), chat.Send(five.Label, five.Payload));
        Assert.Empty(chat.Events.OfType<PollAnswered>());
        Assert.Single(chat.Events.OfType<PollAnsweredLate>());
    }

    [Fact]
    public void A_guide_answer_left_without_a_rating_is_told_to_the_host_and_a_rated_one_is_not()
    {
        var chat = AtMenu();
        chat.Send("ما المستندات المطلوبة للتسجيل؟");
        chat.Send("القائمة");
        Assert.Single(chat.Events.OfType<GuideAnswerUnrated>());

        chat.Send("ما المستندات المطلوبة للتسجيل؟");
        chat.Send("نعم");
        Assert.Single(chat.Events.OfType<GuideAnswerUnrated>());
    }
}
