using Intranet.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddIntranet();

var app = builder.Build();
if (await app.RunCommandLineToolsAsync()) return;
await app.PrepareDatabaseAsync();
app.UseIntranet();
app.Run();
