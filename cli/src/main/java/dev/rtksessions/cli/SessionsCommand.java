package dev.rtksessions.cli;

import dev.rtksessions.sdk.RealtimeKitClient;
import dev.rtksessions.sdk.model.Session;
import dev.rtksessions.sdk.model.SessionParticipant;
import dev.rtksessions.sdk.param.SessionGetSessionDetailsParams;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantsParams;
import dev.rtksessions.sdk.param.SessionGetSessionsParams;
import dev.rtksessions.sdk.param.SortOrder;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rtk-sessions sessions list|show|participants}: sessions from a terminal, through the SDK. */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "Look at sessions.",
    subcommands = {SessionsCommand.ListSessions.class, SessionsCommand.Show.class,
        SessionsCommand.Participants.class})
final class SessionsCommand {

  static Table sessionTable() {
    return new Table("ID", "MEETING", "TITLE", "STATUS", "LIVE", "PEAK", "MINUTES", "STARTED", "ENDED");
  }

  static void addSession(Table table, Session s) {
    table.add(s.raw(), s.id(), s.associatedId(), s.meetingDisplayName(), s.status().name(),
        String.valueOf(s.liveParticipants()), String.valueOf(s.maxConcurrentParticipants()),
        s.minutesConsumed().toPlainString(), s.startedAt().toString(), s.endedAt().map(Instant::toString).orElse("-"));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List an app's sessions, newest first.")
  static final class ListSessions implements Callable<Integer> {
    @Mixin ApiOptions api;
    @Mixin Listing listing;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--app", required = true, description = "App id.") String app;
    @Option(names = "--status", description = "LIVE or ENDED.") String status;
    @Option(names = "--meeting", description = "Only this meeting's sessions.") String meeting;
    @Option(names = "--since", description = "Created at or after (RFC 3339 or a date).") String since;
    @Option(names = "--until", description = "Created at or before (RFC 3339 or a date).") String until;
    @Option(names = "--search", description = "Text in the meeting title, meeting id or session id.") String search;
    @Option(names = "--participants", description = "Peak peers: min:max, min:, :max or n.") String participants;
    @Option(names = "--sort", defaultValue = "created", description = "created or minutes (default ${DEFAULT-VALUE}).")
    String sort;
    @Option(names = "--order", defaultValue = "desc", description = "asc or desc (default ${DEFAULT-VALUE}).")
    String order;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      SessionGetSessionsParams.Builder params = SessionGetSessionsParams.builder().accountId(api.account())
          .pageNo(listing.page).perPage(listing.perPage).sortOrder(order(cli, order));
      switch (sort) {
        case "created" -> params.sortBy(SessionGetSessionsParams.SortBy.CREATED_AT);
        case "minutes" -> params.sortBy(SessionGetSessionsParams.SortBy.MINUTES_CONSUMED);
        default -> throw new CommandLine.ParameterException(cli, "--sort must be created or minutes, got '" + sort + "'");
      }
      if (status != null) {
        switch (status.toUpperCase()) {
          case "LIVE" -> params.status(SessionGetSessionsParams.Status.LIVE);
          case "ENDED" -> params.status(SessionGetSessionsParams.Status.ENDED);
          default -> throw new CommandLine.ParameterException(cli, "--status must be LIVE or ENDED, got '" + status + "'");
        }
      }
      if (meeting != null) {
        params.associatedId(meeting);
      }
      if (since != null) {
        params.startTime(Listing.instant(cli, "--since", since));
      }
      if (until != null) {
        params.endTime(Listing.instant(cli, "--until", until));
      }
      if (search != null) {
        params.search(search);
      }
      if (participants != null) {
        params.participants(participants);
      }
      Table.Format format = listing.format(cli);
      RealtimeKitClient client = api.client();
      var first = client.realtimeKit().sessions().getSessions(app, params.build());
      Table table = sessionTable();
      Listing.each(first, listing.all, s -> addSession(table, s));
      table.print(cli.getOut(), format);
      cli.getErr().println(table.size() + " of " + first.paging().totalCount() + " sessions");
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one session and its breakout rooms.")
  static final class Show implements Callable<Integer> {
    @Mixin ApiOptions api;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SESSION_ID") String sessionId;
    @Option(names = "--app", required = true, description = "App id.") String app;
    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json.") String output;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      if (!output.equals("table") && !output.equals("json")) {
        throw new CommandLine.ParameterException(cli, "--output must be table or json, got '" + output + "'");
      }
      Session s = api.client().realtimeKit().sessions().getSessionDetails(sessionId,
          SessionGetSessionDetailsParams.builder().accountId(api.account()).appId(app).includeBreakoutRooms(true)
              .build()).session();
      PrintWriter out = cli.getOut();
      if (output.equals("json")) {
        out.println(s.raw().toPrettyString());
      } else {
        out.printf("id:          %s%nmeeting:     %s (%s)%ntype:        %s%nstatus:      %s%n", s.id(),
            s.associatedId(), s.meetingDisplayName(), s.type().name().toLowerCase(), s.status());
        out.printf("live peers:  %d%npeak:        %d%nminutes:     %s%nstarted:     %s%nended:       %s%n",
            s.liveParticipants(), s.maxConcurrentParticipants(), s.minutesConsumed().toPlainString(), s.startedAt(),
            s.endedAt().map(Instant::toString).orElse("-"));
        if (!s.breakoutRooms().isEmpty()) {
          out.println("breakout rooms:");
          Table rooms = sessionTable();
          s.breakoutRooms().forEach(r -> addSession(rooms, r));
          rooms.print(out, Table.Format.TABLE);
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "participants", mixinStandardHelpOptions = true, description = "List a session's participants.")
  static final class Participants implements Callable<Integer> {
    @Mixin ApiOptions api;
    @Mixin Listing listing;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SESSION_ID") String sessionId;
    @Option(names = "--app", required = true, description = "App id.") String app;
    @Option(names = "--search", description = "Text in the peer id, custom participant id or name.") String search;
    @Option(names = "--sort", defaultValue = "joined", description = "joined or duration (default ${DEFAULT-VALUE}).")
    String sort;
    @Option(names = "--order", defaultValue = "asc", description = "asc or desc (default ${DEFAULT-VALUE}).")
    String order;

    @Override
    public Integer call() {
      CommandLine cli = spec.commandLine();
      SessionGetSessionParticipantsParams.Builder params = SessionGetSessionParticipantsParams.builder()
          .accountId(api.account()).appId(app).pageNo(listing.page).perPage(listing.perPage)
          .sortOrder(order(cli, order));
      switch (sort) {
        case "joined" -> params.sortBy(SessionGetSessionParticipantsParams.SortBy.JOINED_AT);
        case "duration" -> params.sortBy(SessionGetSessionParticipantsParams.SortBy.DURATION);
        default -> throw new CommandLine.ParameterException(cli, "--sort must be joined or duration, got '" + sort + "'");
      }
      if (search != null) {
        params.search(search);
      }
      Table.Format format = listing.format(cli);
      var first = api.client().realtimeKit().sessions().getSessionParticipants(sessionId, params.build());
      Table table = new Table("PEER", "NAME", "PARTICIPANT", "JOINED", "LEFT", "MINUTES");
      Listing.each(first, listing.all, (SessionParticipant p) -> table.add(p.raw(), p.id(),
          p.displayName().orElse(""), p.customParticipantId().orElse(""), p.joinedAt().toString(),
          p.leftAt().map(Instant::toString).orElse("-"), p.duration().toPlainString()));
      table.print(cli.getOut(), format);
      return 0;
    }
  }

  static SortOrder order(CommandLine cli, String order) {
    return switch (order.toLowerCase()) {
      case "asc" -> SortOrder.ASC;
      case "desc" -> SortOrder.DESC;
      default -> throw new CommandLine.ParameterException(cli, "--order must be asc or desc, got '" + order + "'");
    };
  }
}
