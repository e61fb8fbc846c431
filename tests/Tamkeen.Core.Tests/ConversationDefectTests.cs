using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using static Tamkeen.Core.Tests.Chat;

namespace Tamkeen.Core.Tests;

/// <summary>What beneficiaries ran into before the core was rebuilt (issue 9), each as they saw it.</summary>
public class ConversationDefectTests
{
    private const string ValidId = "1012345672";
    private static readonly RequestNotice NeedsRentContract = new("TMK-2611-00042", "rent-support", RequestStatus.NeedsInformation, "أرسل صورة العقد");

    private static Chat AtMobileStep()
    {
        var chat = new Chat();
        foreach (var text in new[] { "مرحبا", "2", "1", "محمد عبدالله السالم", ValidId }) chat.Send(text);
        Assert.Equal(RequestField.Mobile, chat.Conversation.Request?.Field);
        return chat;
    }

    [Fact]
    public void Photos_of_a_request_left_until_the_timeout_are_not_added_to_the_next_request()
    {
        var chat = new Chat();
        foreach (var text in new[] { "مرحبا", "2", "1" }) chat.Send(text);
        chat.Send(null, null, new Attachment("image/jpeg", "telegram:old-photo"));

        chat.Clock.Advance(TimeSpan.FromMinutes(31));
        chat.FireDueTimers();
        Assert.Null(chat.Conversation.Request);
        Assert.StartsWith(Ar(TextKey.IdleRestart), chat.Send("مرحبا"));

        foreach (var text in new[] { "2", "1", "محمد عبدالله السالم", ValidId, "0551234567", "بريدة", "5", "0", "تخطي", "1" }) chat.Send(text);
        Assert.Empty(Assert.Single(chat.Events.OfType<RequestSubmitted>()).Attachments);
    }

    [Fact]
    public void News_while_filling_in_a_form_keeps_the_form_and_the_next_answer()
    {
        var chat = AtMobileStep();
        var news = chat.Notify(NeedsRentContract);
        Assert.Contains(Ar(TextKey.RequestInformationLater), news);
        Assert.EndsWith(Ar(TextKey.RequestAskMobile), news);
        Assert.Contains(chat.LastReply!.Buttons, b => b.Payload == "info:TMK-2611-00042");

        var next = chat.Send("0551234567");
        Assert.StartsWith(Ar(TextKey.RequestAskCity), next);
        Assert.Equal("+966551234567", chat.Conversation.Request!.Answer(RequestField.Mobile));
        Assert.DoesNotContain(chat.Events, e => e is RequestInformationGiven);

        // Later, from the menu's follow-up or the button: the information goes to the right request.
        chat.Send("القائمة");
        chat.Send(null, "info:TMK-2611-00042");
        Assert.Equal(ConversationState.RequestInformation, chat.Conversation.State);
    }

    [Fact]
    public void Information_is_collected_until_the_person_says_done()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Notify(NeedsRentContract);
        chat.Send("أرسلتها");
        chat.Send("العقد باسم زوجي وينتهي بعد شهرين", null, new Attachment("image/jpeg", "whatsapp:contract"));
        Assert.Equal(ConversationState.RequestInformation, chat.Conversation.State);
        var given = chat.Events.OfType<RequestInformationGiven>().ToList();
        Assert.Equal(["أرسلتها", "العقد باسم زوجي وينتهي بعد شهرين"], given.Select(g => g.Text));
        Assert.Single(given[1].Attachments);

        var thanks = chat.Send("انتهيت");
        Assert.Contains("الرسائل: 2", thanks);
        Assert.Contains("الملفات: 1", thanks);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Empty(chat.Conversation.AwaitedInformation);
    }

    [Fact]
    public void Nothing_sent_for_three_days_after_information_was_asked_brings_a_reminder()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Notify(NeedsRentContract);
        chat.Send("القائمة");
        chat.Clock.Advance(TimeSpan.FromDays(3));
        chat.FireDueTimers();
        var reminder = Assert.Single(chat.Unprompted);
        Assert.StartsWith(ArLead(TextKey.RequestInformationReminder), reminder.Text);
        Assert.Equal(ConversationState.RequestInformation, chat.Conversation.State);
    }

    [Fact]
    public void Information_sent_in_time_cancels_the_reminder()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Notify(NeedsRentContract);
        chat.Send("صورة العقد أرسلتها لكم بالبريد");
        chat.Send("انتهيت");
        chat.Clock.Advance(TimeSpan.FromDays(4));
        chat.FireDueTimers();
        Assert.DoesNotContain(chat.Unprompted, m => m.Text.StartsWith(ArLead(TextKey.RequestInformationReminder), StringComparison.Ordinal));
    }

    [Fact]
    public void An_old_summary_button_pressed_at_the_menu_opens_nothing()
    {
        var chat = new Chat();
        foreach (var text in new[] { "مرحبا", "2", "1", "محمد عبدالله السالم", ValidId, "0551234567", "بريدة", "5", "0", "تخطي" }) chat.Send(text);
        var cancelOnSummary = chat.LastReply!.Buttons.Single(b => b.Choice == "3");
        chat.Press("2");
        chat.Send("القائمة");

        var reply = chat.Send(cancelOnSummary.Label, cancelOnSummary.Payload);
        Assert.StartsWith(Ar(TextKey.OldButton), reply);
        Assert.Contains(Ar(TextKey.MenuPrompt), reply);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Fact]
    public void A_menu_number_after_i_am_not_sure_leaves_the_question_step()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("كم سعر الذهب اليوم");
        Assert.Equal(ConversationState.Question, chat.Conversation.State);
        Assert.StartsWith(Ar(TextKey.FeedbackChooseKind), chat.Send("5"));
    }

    [Theory]
    [InlineData("شكرا", TextKey.ThanksReply)]
    [InlineData("شكرا جزيلا", TextKey.ThanksReply)]
    [InlineData("🙏", TextKey.ThanksReply)]
    [InlineData("السلام عليكم", TextKey.GreetingSalamReply)]
    public void Small_talk_gets_a_short_reply_and_is_not_an_unanswered_question(string typed, TextKey answer)
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        var reply = chat.Send(typed);
        Assert.StartsWith(Ar(answer), reply);
        Assert.Contains(Ar(TextKey.MenuPrompt), reply);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Menu_in_colloquial_arabic_shows_the_menu()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("5");
        Assert.StartsWith(Ar(TextKey.MenuPrompt), chat.Send("منيو"));
    }

    [Fact]
    public void A_suggestion_reference_can_be_followed_up_by_its_owner_only()
    {
        var requests = new StoredRequests();
        var chat = new Chat(requests: requests);
        foreach (var text in new[] { "مرحبا", "5", "1" }) chat.Send(text);
        chat.Send("أقترح توفير مواعيد مسائية للمراجعين");
        var reference = Assert.IsType<FeedbackSubmitted>(Assert.Single(chat.Events)).Reference;
        Assert.Matches(@"^SUG-2611-\d{5}$", reference);

        Assert.Contains(reference, chat.Send(reference.ToLowerInvariant()));
        Assert.Contains(reference, chat.Send("3"));

        var other = new Chat(requests: requests);
        other.Conversation.BeneficiaryId = 9;
        other.Send("مرحبا");
        Assert.DoesNotContain(reference, other.Send(reference));
    }

    [Fact]
    public void Switching_to_arabic_after_an_english_answer_asks_in_arabic()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("What are your working hours?");
        Assert.Equal(ConversationState.AnswerFeedback, chat.Conversation.State);
        Assert.EndsWith(Ar(TextKey.AnswerHelpful), chat.Send("عربي"));
    }

    [Fact]
    public void Markup_typed_in_the_arabic_chat_is_answered_in_arabic()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        Assert.StartsWith(Ar(TextKey.QuestionNotSure), chat.Send("<img src=x onerror=alert(1)>"));
    }

    [Fact]
    public void Digits_typed_in_the_english_chat_are_answered_in_english()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("English");
        chat.Send("1");
        Assert.StartsWith(En(TextKey.QuestionNotSure), chat.Send("123456"));
    }

    [Fact]
    public void Asking_for_a_person_after_an_answer_hands_over_without_asking_about_the_answer_again()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("ما هي أوقات الدوام");
        var reply = chat.Press("3");
        Assert.StartsWith(ArLead(TextKey.CaseOpened), reply);
        Assert.DoesNotContain(Ar(TextKey.AnswerHelpful), reply);
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
    }

    [Fact]
    public void A_city_outside_qassim_is_told_the_association_serves_qassim()
    {
        var chat = AtMobileStep();
        chat.Send("0551234567");
        var reply = chat.Send("الرياض");
        Assert.StartsWith(Ar(TextKey.CityOutsideQassim), reply);
        Assert.Contains(chat.LastReply!.Buttons, b => b.Label == "أخرى");
    }
}
