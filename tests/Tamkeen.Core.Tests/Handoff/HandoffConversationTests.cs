using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using static Tamkeen.Core.Tests.Chat;

namespace Tamkeen.Core.Tests.Handoff;

public sealed class HandoffConversationTests
{
    private const string ValidId = "1012345672";

    /// <summary>Wednesday 25 November 2026, 12:00 in Riyadh: working hours.</summary>
    private static Chat WithStaff(ConversationSettings? settings = null)
    {
        var chat = new Chat(settings);
        chat.Send("مرحبا");
        chat.Send("4");
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
        return chat;
    }

    [Fact]
    public void Menu_4_opens_a_case_and_tells_the_wait_in_working_hours()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        var reply = chat.Send("٤");

        var opened = Assert.Single(chat.Events.OfType<CaseOpened>());
        Assert.Equal(CaseReason.AskedForPerson, opened.Reason);
        Assert.False(opened.Urgent);
        Assert.Matches(@"^CAS-2611-\d{5}$", opened.Reference);
        Assert.Equal(opened.Reference, chat.Conversation.Handoff?.Reference);
        Assert.Contains("خلال ساعة تقريباً", reply);
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
    }

    [Fact]
    public void Outside_working_hours_the_person_is_told_when_replies_resume()
    {
        var chat = new Chat();
        // Thursday 26 November 2026, 15:00 in Riyadh: after closing, and the weekend follows.
        chat.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        chat.Send("مرحبا");
        Assert.Contains("بعد بدء الدوام يوم الأحد الساعة 8:00 صباحاً", chat.Send("موظف"));
    }

    [Fact]
    public void A_holiday_moves_the_promised_time_to_the_next_working_day()
    {
        var calendar = new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh"),
            new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday },
            new TimeOnly(8, 0), new TimeOnly(14, 0), new HashSet<DateOnly> { new(2026, 11, 29) });
        var chat = new Chat(ConversationSettings.Default with { Handoff = new HandoffSettings(calendar, TimeSpan.FromHours(1)) });
        chat.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        chat.Send("hello");
        chat.Send("english");
        Assert.Contains("when work starts on Monday at 8:00 am", chat.Send("human"));
    }

    [Fact]
    public void What_the_person_sends_while_waiting_is_kept_for_staff_and_the_bot_stays_silent()
    {
        var chat = WithStaff();
        var photo = new Attachment("image/jpeg", "files/1.jpg");

        Assert.Equal("", chat.Send("عندي مشكلة في صرف الإعانة"));
        Assert.Equal("", chat.Send("١٠١٢٣٤٥٦٧٢"));
        Assert.Equal("", chat.Send("شكراً"));
        Assert.Equal("", chat.Send(null, null, photo));

        var kept = chat.Events.OfType<CaseMessageReceived>().ToList();
        Assert.Equal(["عندي مشكلة في صرف الإعانة", "١٠١٢٣٤٥٦٧٢", "شكراً", ""], kept.Select(k => k.Text));
        Assert.Equal([photo], kept[3].Attachments);
        Assert.All(kept, k => Assert.Equal(chat.Conversation.Handoff!.Reference, k.Reference));
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
    }

    [Fact]
    public void Asking_again_adds_to_the_open_case_instead_of_opening_a_second()
    {
        var chat = WithStaff();
        var reply = chat.Send("ابي اكلم موظف");

        Assert.Equal(Ar(TextKey.CaseAlreadyOpen), reply);
        Assert.Single(chat.Events.OfType<CaseOpened>());
        Assert.Equal(CaseReason.AskedForPerson, Assert.Single(chat.Events.OfType<CaseRaised>()).Reason);
    }

    [Fact]
    public void The_menu_while_waiting_lets_the_person_use_the_bot_and_a_staff_reply_still_reaches_them()
    {
        var chat = WithStaff();
        var reference = chat.Conversation.Handoff!.Reference;
        Assert.Contains(Ar(TextKey.MenuPrompt), chat.Send("القائمة"));
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Equal(reference, chat.Conversation.Handoff?.Reference);

        var reply = chat.Staff(StaffActionKind.Replied, "تم تحديث بياناتك، ويمكن المتابعة برقم الطلب.");

        Assert.Equal("سارة — جمعية تمكين:\nتم تحديث بياناتك، ويمكن المتابعة برقم الطلب.", reply);
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
        Assert.True(chat.Conversation.Handoff!.Answered);
    }

    [Fact]
    public void A_staff_reply_during_a_form_is_delivered_and_the_form_goes_on()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("موظف");
        chat.Send("القائمة");
        chat.Send("2");
        chat.Send("1");

        chat.Staff(StaffActionKind.Replied, "سنتصل بك اليوم.");

        Assert.Equal(ConversationState.RequestField, chat.Conversation.State);
        Assert.Equal(RequestField.FullName, chat.Conversation.Request?.Field);
    }

    [Fact]
    public void Cancel_withdraws_a_case_nobody_answered_yet()
    {
        var chat = WithStaff();
        var reference = chat.Conversation.Handoff!.Reference;
        var reply = chat.Send("إلغاء");

        Assert.StartsWith(Ar(TextKey.CaseWithdrawn), reply);
        Assert.Contains(Ar(TextKey.MenuPrompt), reply);
        Assert.Equal(reference, Assert.Single(chat.Events.OfType<CaseWithdrawn>()).Reference);
        Assert.Null(chat.Conversation.Handoff);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Fact]
    public void Cancel_after_a_staff_reply_leaves_the_case_open()
    {
        var chat = WithStaff();
        chat.Staff(StaffActionKind.Replied, "أهلاً، كيف أساعدك؟");
        var reply = chat.Send("الغاء");

        Assert.StartsWith(Ar(TextKey.CaseStaysOpen), reply);
        Assert.Empty(chat.Events.OfType<CaseWithdrawn>());
        Assert.NotNull(chat.Conversation.Handoff);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Theory]
    [InlineData(StaffActionKind.Released, TextKey.CaseReleased)]
    [InlineData(StaffActionKind.Closed, TextKey.CaseClosed)]
    public void Release_and_close_tell_the_person_and_what_they_write_next_goes_to_the_bot(StaffActionKind kind, TextKey told)
    {
        var chat = WithStaff();
        Assert.Equal(Ar(told), chat.Staff(kind));
        Assert.Null(chat.Conversation.Handoff);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);

        var events = chat.Events.Count;
        Assert.Contains(Ar(TextKey.MenuPrompt), chat.Send("القائمة"));
        Assert.DoesNotContain(chat.Events.Skip(events), e => e is CaseMessageReceived);
    }

    [Fact]
    public void A_reopened_case_takes_the_next_staff_reply_back_into_waiting()
    {
        var chat = WithStaff();
        var reference = chat.Conversation.Handoff!.Reference;
        chat.Staff(StaffActionKind.Closed);
        Assert.Equal("", chat.Staff(StaffActionKind.Reopened, reference: reference));
        chat.Staff(StaffActionKind.Replied, "نسيت أن أذكر موعد الزيارة: الأحد.");
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
        Assert.Equal(reference, chat.Conversation.Handoff?.Reference);
    }

    [Fact]
    public void Waiting_for_staff_is_not_undone_by_the_idle_timer()
    {
        var chat = WithStaff();
        chat.Clock.Advance(TimeSpan.FromHours(3));
        chat.FireDueTimers();
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
        Assert.Equal("", chat.Send("هل من جديد؟"));
    }

    [Fact]
    public void Staff_files_go_with_the_reply_and_a_title_signs_it_when_set()
    {
        var settings = ConversationSettings.Default with { Handoff = HandoffSettings.Default with { StaffTitle = "فريق خدمة المستفيدين" } };
        var chat = WithStaff(settings);
        var form = new Attachment("application/pdf", "files/form.pdf");

        var reply = chat.Staff(StaffActionKind.Replied, "هذا النموذج المطلوب.", attachments: form);

        Assert.StartsWith("فريق خدمة المستفيدين — جمعية تمكين:", reply);
        Assert.Equal([form], chat.LastReply!.Attachments);
    }

    [Fact]
    public void The_guide_failing_twice_in_a_row_opens_a_case_with_the_question()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("1");
        chat.Send("قثصضفغ عغفقث");
        Assert.Empty(chat.Events.OfType<CaseOpened>());
        var reply = chat.Send("ظطزوة ذدجحخ");

        var opened = Assert.Single(chat.Events.OfType<CaseOpened>());
        Assert.Equal((CaseReason.GuideFailedTwice, "ظطزوة ذدجحخ"), (opened.Reason, opened.Text));
        Assert.Contains(ArLead(TextKey.CaseOpened), reply);
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
    }

    [Fact]
    public void A_complaint_opens_a_case_beside_the_complaint_and_the_person_stays_at_the_menu()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("5");
        chat.Send("2");
        var reply = chat.Send("تأخر الرد على طلبي أكثر من شهر دون أي تواصل");

        var complaint = Assert.Single(chat.Events.OfType<FeedbackSubmitted>());
        var opened = Assert.Single(chat.Events.OfType<CaseOpened>());
        Assert.Equal((CaseReason.Complaint, complaint.Text), (opened.Reason, opened.Text));
        Assert.Contains(ArLead(TextKey.CaseOpenedAside), reply);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Fact]
    public void With_complaints_not_opening_cases_a_complaint_is_only_a_complaint()
    {
        var chat = new Chat(ConversationSettings.Default with { Handoff = HandoffSettings.Default with { ComplaintsOpenCase = false } });
        chat.Send("مرحبا");
        chat.Send("5");
        chat.Send("2");
        chat.Send("تأخر الرد على طلبي أكثر من شهر دون أي تواصل");
        Assert.Single(chat.Events.OfType<FeedbackSubmitted>());
        Assert.Empty(chat.Events.OfType<CaseOpened>());
    }

    [Fact]
    public void Three_failed_tries_of_a_field_open_a_case_and_the_form_goes_on()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        foreach (var text in new[] { "2", "1", "محمد عبدالله السالم", "123", "٤٥٦", "abc" }) chat.Send(text);

        Assert.Equal(CaseReason.FieldTries, Assert.Single(chat.Events.OfType<CaseOpened>()).Reason);
        Assert.Equal(RequestField.NationalId, chat.Conversation.Request?.Field);
        chat.Send(ValidId);
        Assert.Equal(RequestField.Mobile, chat.Conversation.Request?.Field);
    }

    [Theory]
    [InlineData("زوجي يضربني ولا أعرف ماذا أفعل")]
    [InlineData("نتعرض للعنف في البيت")]
    [InlineData("ما عندنا اكل من يومين")]
    [InlineData("my landlord says eviction tomorrow")]
    public void Urgency_words_open_an_urgent_case_and_give_the_emergency_numbers(string text)
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        var reply = chat.Send(text);

        var opened = Assert.Single(chat.Events.OfType<CaseOpened>());
        Assert.Equal((CaseReason.Urgent, true, text), (opened.Reason, opened.Urgent, opened.Text));
        Assert.Contains("911", reply);
        Assert.Contains("1919", reply);
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
        Assert.Empty(chat.Events.OfType<QuestionUnanswered>());
    }

    [Fact]
    public void Urgency_words_in_a_request_description_mark_a_case_urgent_and_the_description_is_still_taken()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        foreach (var text in new[] { "2", "3", "محمد عبدالله السالم", ValidId, "0551234567", "بريدة", "5", "3000" }) chat.Send(text);
        Assert.Equal(RequestField.Description, chat.Conversation.Request?.Field);

        chat.Send("صدر حكم إخلاء السكن ونحتاج دعم الإيجار");

        Assert.True(Assert.Single(chat.Events.OfType<CaseOpened>()).Urgent);
        Assert.Equal(ConversationState.RequestSummary, chat.Conversation.State);
    }

    [Fact]
    public void Urgency_words_while_waiting_raise_the_open_case_once()
    {
        var chat = WithStaff();
        Assert.Contains("1919", chat.Send("أخاف على أطفالي، طفل في خطر"));
        Assert.Equal("", chat.Send("يضربني كل يوم"));

        var raised = Assert.Single(chat.Events.OfType<CaseRaised>());
        Assert.Equal((CaseReason.Urgent, true), (raised.Reason, raised.Urgent));
        Assert.Equal(2, chat.Events.OfType<CaseMessageReceived>().Count());
        Assert.True(chat.Conversation.Handoff!.Urgent);
    }

    [Fact]
    public void Ordinary_questions_are_not_urgent()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("ما هي شروط التسجيل في الجمعية؟");
        chat.Send("هل يوجد دعم للكهرباء والماء");
        Assert.Empty(chat.Events.OfType<CaseOpened>());
    }
}
