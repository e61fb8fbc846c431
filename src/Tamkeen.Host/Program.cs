using Tamkeen.Host;

await TamkeenApp.Build(args).RunAsync();
