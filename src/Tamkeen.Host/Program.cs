using Tamkeen.Host;
using Tamkeen.Host.Content;
using Tamkeen.Host.Staff;

if (args is ["faq", .. var faqArgs]) return await FaqCommand.RunAsync(faqArgs, Console.In, Console.Out, Console.Error);
if (args is ["staff", .. var staffArgs]) return await StaffCommand.RunAsync(staffArgs, Console.Out, Console.Error);
if (args is ["sms", .. var smsArgs]) return await SmsReportCommand.RunAsync(smsArgs, Console.Out, Console.Error);

var app = TamkeenApp.Build(args);
// Taken before running: the host disposes its services when it stops.
var services = app.Services.GetRequiredService<ServicesAfterListening>();
await app.RunAsync();
// A service that failed to start stopped the host: say so in the exit code.
return services.Ready.IsFaulted ? 1 : 0;
