package dev.rtksessions.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.api.Json;
import dev.rtksessions.api.Timestamps;
import dev.rtksessions.model.OutboxDelivery;
import dev.rtksessions.model.WebhookSubscription;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import dev.rtksessions.storage.WebhookOutStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rtk-sessions webhooks deliveries}: what was sent to an app's webhooks, from the configured store. */
@Command(name = "webhooks", mixinStandardHelpOptions = true,
    description = "Look at the webhooks apps registered and what was delivered to them.",
    subcommands = WebhooksCommand.Deliveries.class)
final class WebhooksCommand {

  @Command(name = "deliveries", mixinStandardHelpOptions = true,
      description = "List recent deliveries, newest first: status, attempts, last error.")
  static final class Deliveries implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--app", required = true, description = "The app id.") String app;
    @Option(names = "--webhook", description = "Only this webhook's deliveries.") String webhook;
    @Option(names = "--limit", defaultValue = "50", description = "At most this many (1-10000, default ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = {"-o", "--output"}, defaultValue = "table",
        description = "table, json or csv (default ${DEFAULT-VALUE}).")
    String output;

    @Override
    public Integer call() {
      if (limit < 1 || limit > 10_000) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 1-10000, got " + limit);
      }
      Table.Format format;
      try {
        format = Table.Format.valueOf(output.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--output must be table, json or csv, got '" + output + "'");
      }
      try (Database db = storage.open()) {
        WebhookOutStore store = Stores.on(db).webhooksOut();
        List<String> webhookIds = store.list(app).stream().map(WebhookSubscription::id)
            .filter(id -> webhook == null || id.equals(webhook)).toList();
        if (webhookIds.isEmpty()) {
          spec.commandLine().getErr().println(webhook == null ? "app " + app + " has no webhooks"
              : "no webhook " + webhook + " in app " + app);
          return Main.NOT_FOUND;
        }
        List<OutboxDelivery> deliveries = new ArrayList<>();
        for (String id : webhookIds) {
          deliveries.addAll(store.recent(app, id, limit, 0));
        }
        deliveries.sort(Comparator.comparingLong(OutboxDelivery::seq).reversed());
        Table table = new Table("CREATED", "WEBHOOK", "EVENT", "MEETING", "STATUS", "ATTEMPTS", "LAST STATUS",
            "LAST ERROR", "DELIVERY");
        for (OutboxDelivery d : deliveries.subList(0, Math.min(limit, deliveries.size()))) {
          String status = d.status().name().toLowerCase(Locale.ROOT);
          ObjectNode json = Json.MAPPER.createObjectNode().put("id", d.id()).put("webhook_id", d.webhookId())
              .put("event", d.event()).put("meeting_id", d.meetingId()).put("status", status)
              .put("attempts", d.attempts()).put("last_status_code", d.lastStatus()).put("last_error", d.lastError())
              .put("created_at", Timestamps.format(d.createdAt())).put("updated_at", Timestamps.format(d.updatedAt()));
          table.add(json, Timestamps.format(d.createdAt()), d.webhookId(), d.event(), d.meetingId(), status,
              Integer.toString(d.attempts()), d.lastStatus() == null ? "" : d.lastStatus().toString(),
              d.lastError(), d.id());
        }
        table.print(spec.commandLine().getOut(), format);
      }
      return 0;
    }
  }
}
