package dev.rtksessions.cli;

import dev.rtksessions.sdk.model.Meeting;
import dev.rtksessions.sdk.param.MeetingCreateParams;
import dev.rtksessions.sdk.param.MeetingGetParams;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rtk-sessions meetings list|create}. */
@Command(name = "meetings", mixinStandardHelpOptions = true, description = "List and create meetings.",
    subcommands = {MeetingsCommand.ListMeetings.class, MeetingsCommand.Create.class})
final class MeetingsCommand {
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List an app's meetings, newest first.")
  static final class ListMeetings implements Callable<Integer> {
    @Mixin ApiOptions api;
    @Mixin Listing listing;
    @Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--app", required = true, description = "App id.") String app;
    @Option(names = "--search", description = "Text in the title or id.") String search;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      MeetingGetParams.Builder params = MeetingGetParams.builder().accountId(api.account()).pageNo(listing.page)
          .perPage(listing.perPage);
      if (search != null) {
        params.search(search);
      }
      Table.Format format = listing.format(cli);
      Table table = new Table("ID", "TITLE", "STATUS", "KEEP-ALIVE", "PARENT", "CREATED");
      Listing.each(api.client().realtimeKit().meetings().get(app, params.build()), listing.all,
          (Meeting m) -> table.add(m.raw(), m.id(), m.title().orElse(""), m.status().name(),
              m.sessionKeepAliveTimeInSecs() + "s", m.parentMeetingId().orElse("-"), m.createdAt().toString()));
      table.print(cli.getOut(), format);
      return 0;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a meeting and print its id.")
  static final class Create implements Callable<Integer> {
    @Mixin ApiOptions api;
    @Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--app", required = true, description = "App id.") String app;
    @Option(names = "--title", description = "The meeting's title.") String title;
    @Option(names = "--keep-alive", description = "Seconds a session stays LIVE after the last peer leaves (60-600).")
    Integer keepAlive;
    @Option(names = "--parent", description = "Parent meeting id: this meeting is a breakout room.") String parent;

    @Override
    public Integer call() {
      MeetingCreateParams.Builder params = MeetingCreateParams.builder().accountId(api.account());
      if (title != null) {
        params.title(title);
      }
      if (keepAlive != null) {
        params.sessionKeepAliveTimeInSecs(keepAlive);
      }
      if (parent != null) {
        params.parentMeetingId(parent);
      }
      Meeting m = api.client().realtimeKit().meetings().create(app, params.build()).meeting();
      spec.commandLine().getOut().println(m.id());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
