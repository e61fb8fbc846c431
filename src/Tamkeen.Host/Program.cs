using Tamkeen.Host;
using Tamkeen.Host.Content;
using Tamkeen.Host.Staff;

if (args is ["faq", .. var faqArgs]) return await FaqCommand.RunAsync(faqArgs, Console.In, Console.Out, Console.Error);
if (args is ["staff", .. var staffArgs]) return await StaffCommand.RunAsync(staffArgs, Console.Out, Console.Error);
if (args is ["sms", .. var smsArgs]) return await SmsReportCommand.RunAsync(smsArgs, Console.Out, Console.Error);

var app = TamkeenApp.Build(args);
await app.RunAsync();
return app.Services.GetRequiredService<ServicesAfterListening>().Failure is null ? 0 : 1;
