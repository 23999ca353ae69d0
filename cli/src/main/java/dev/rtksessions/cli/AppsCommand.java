package dev.rtksessions.cli;

import dev.rtksessions.sdk.model.App;
import dev.rtksessions.sdk.param.AppGetParams;
import dev.rtksessions.sdk.param.AppPostParams;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rtk-sessions apps list|create}. */
@Command(name = "apps", mixinStandardHelpOptions = true, description = "List and create apps.",
    subcommands = {AppsCommand.ListApps.class, AppsCommand.Create.class})
final class AppsCommand {
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the account's apps.")
  static final class ListApps implements Callable<Integer> {
    @Mixin ApiOptions api;
    @Mixin Listing listing;
    @Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--search", description = "Text in the app name.") String search;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      AppGetParams.Builder params = AppGetParams.builder().accountId(api.account()).pageNo(listing.page)
          .perPage(listing.perPage);
      if (search != null) {
        params.search(search);
      }
      Table.Format format = listing.format(cli);
      Table table = new Table("ID", "NAME", "CREATED");
      Listing.each(api.client().realtimeKit().apps().get(params.build()), listing.all,
          (App a) -> table.add(a.raw(), a.id(), a.name(), a.createdAt().toString()));
      table.print(cli.getOut(), format);
      return 0;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an app and print its id.")
  static final class Create implements Callable<Integer> {
    @Mixin ApiOptions api;
    @Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      App app = api.client().realtimeKit().apps().post(AppPostParams.builder().accountId(api.account()).name(name)
          .build()).app();
      spec.commandLine().getOut().println(app.id());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
