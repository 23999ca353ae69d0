package dev.rtksessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtk-sessions serve} as a user runs it: a separate process whose banner must be true —
 * the printed curl, with the printed token, answers with the demo sessions.
 */
class ServeCommandTest {
  private static final Pattern CURL_TOKEN = Pattern.compile("Bearer ([^\"]+)\"");
  private static final Pattern CURL_URL = Pattern.compile("\"(http://[^\"]+/sessions\\?per_page=5)\"");
  @TempDir Path dataDir;

  private Process serve(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0", "--data-dir",
        dataDir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("RTK_ADMIN_TOKEN");
    pb.environment().remove("RTK_DATABASE_URL");
    pb.environment().putAll(env);
    return pb.start();
  }

  /** The banner, up to its last line. */
  private static String banner(Process p) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder text = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      text.append(line).append('\n');
      if (line.contains("health:")) {
        break;
      }
    }
    return text.toString();
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void stop(Process p) throws Exception {
    p.destroy(); // SIGTERM: the shutdown hook closes the service
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void demoBannerGivesAWorkingCurl() throws Exception {
    Process p = serve(Map.of(), "--demo");
    try {
      String banner = banner(p);
      assertThat(banner).startsWith("rtk-sessions is ready").contains("base URL:    http://127.0.0.1:")
          .contains("/client/v4").contains("generated now and shown only once").contains("demo:        account");
      Matcher token = CURL_TOKEN.matcher(banner);
      Matcher url = CURL_URL.matcher(banner);
      assertThat(token.find()).as(banner).isTrue();
      assertThat(url.find()).as(banner).isTrue();
      HttpResponse<String> r = get(url.group(1), token.group(1));
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertThat(body.get("data").get("sessions")).hasSize(5);
      assertThat(body.get("paging").get("total_count").asInt()).isGreaterThan(1000);
    } finally {
      stop(p);
    }

    // A second start on the same data: nothing is seeded again, no bootstrap token is printed,
    // and a fresh demo token is issued for the demo account.
    Process again = serve(Map.of(), "--demo");
    try {
      String banner = banner(again);
      assertThat(banner).contains("seeded earlier").contains("Realtime Admin for the demo account");
      Matcher token = CURL_TOKEN.matcher(banner);
      Matcher url = CURL_URL.matcher(banner);
      assertThat(token.find() && url.find()).isTrue();
      assertThat(get(url.group(1), token.group(1)).statusCode()).isEqualTo(200);
    } finally {
      stop(again);
    }
  }

  @Test
  void adminTokenFromTheEnvironment() throws Exception {
    Process p = serve(Map.of("RTK_ADMIN_TOKEN", "my-chosen-secret"));
    try {
      String banner = banner(p);
      assertThat(banner).contains("$RTK_ADMIN_TOKEN (from the environment)").doesNotContain("my-chosen-secret");
      Matcher base = Pattern.compile("base URL:\\s+(\\S+)").matcher(banner);
      assertThat(base.find()).isTrue();
      HttpResponse<String> r = get(base.group(1) + "/accounts/any/realtime/kit/apps", "my-chosen-secret");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(get(base.group(1) + "/accounts/any/realtime/kit/apps", "wrong").statusCode()).isEqualTo(401);
    } finally {
      stop(p);
    }
  }

  @Test
  void theStartupTimeoutIsValidatedAndBoundsTheWaitForTheDatabase() {
    CliRun negative = CliRun.of(List.of(), "serve", "--startup-timeout", "-1");
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.err()).contains("--startup-timeout must be 0-3600 seconds, got -1");

    // Port 1 refuses connections: the start gives up after the timeout, with exit code 6.
    long start = System.nanoTime();
    CliRun refused = CliRun.of(List.of(), "serve", "--port", "0", "--startup-timeout", "1", "--database-url",
        "jdbc:postgresql://127.0.0.1:1/rtk?user=rtk");
    assertThat(refused.exit()).isEqualTo(6);
    assertThat(refused.err()).contains("is not ready after 1 s of waiting (--startup-timeout, RTK_STARTUP_TIMEOUT)");
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
  }

  @Test
  void rateLimitsFromTheEnvironment() throws Exception {
    Process p = serve(Map.of("RTK_ADMIN_TOKEN", "my-chosen-secret", "RTK_RATE_LIMIT_PER_TOKEN", "2/60"));
    try {
      String banner = banner(p);
      assertThat(banner).contains("rate limits: 2/60 s per token, none per app");
      Matcher base = Pattern.compile("base URL:\\s+(\\S+)").matcher(banner);
      assertThat(base.find()).isTrue();
      String apps = base.group(1) + "/accounts/any/realtime/kit/apps";
      HttpResponse<String> first = get(apps, "my-chosen-secret");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Ratelimit-Policy")).hasValue("\"default\";q=2;w=60");
      assertThat(get(apps, "my-chosen-secret").statusCode()).isEqualTo(200);
      HttpResponse<String> third = get(apps, "my-chosen-secret");
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).isPresent();
    } finally {
      stop(p);
    }
  }

  @Test
  void rateLimitsAreValidated() {
    CliRun noWindow = CliRun.of(List.of(), "serve", "--port", "0", "--rate-limit-per-token", "100");
    assertThat(noWindow.exit()).isEqualTo(2);
    assertThat(noWindow.err()).contains("--rate-limit-per-token (RTK_RATE_LIMIT_PER_TOKEN) must be N/SECONDS: N"
        + " requests (1-1000000000) per window of SECONDS (1-86400), e.g. 1200/300, got \"100\"");
    CliRun zero = CliRun.of(List.of(), "serve", "--port", "0", "--rate-limit-per-app", "0/60");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("--rate-limit-per-app (RTK_RATE_LIMIT_PER_APP) must be N/SECONDS").contains(
        "got 0/60");
  }

  @Test
  void webhooksOutCanBeRestrictedToHostsOrTurnedOff() throws Exception {
    Process p = serve(Map.of(), "--webhooks-out-allow", "hooks.example.com");
    try {
      String banner = banner(p);
      assertThat(banner).contains("webhooks out: on, to hooks.example.com");
      Matcher token = CURL_TOKEN.matcher(banner);
      Matcher base = Pattern.compile("base URL: +(\\S+)").matcher(banner);
      assertThat(token.find() && base.find()).as(banner).isTrue();
      String apps = base.group(1) + "/accounts/acc/realtime/kit/apps";
      String app = new ObjectMapper().readTree(post(apps, token.group(1), "{\"name\": \"a\"}").body())
          .at("/data/app/id").asText();
      String hooks = base.group(1) + "/accounts/acc/realtime/kit/" + app + "/webhooks";
      HttpResponse<String> refused = post(hooks, token.group(1),
          "{\"name\": \"n\", \"url\": \"http://127.0.0.1:9/x\", \"events\": [\"meeting.ended\"]}");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("webhooks may not be sent to 127.0.0.1");
      assertThat(post(hooks, token.group(1), "{\"name\": \"n\", \"url\": \"https://hooks.example.com/x\","
          + " \"events\": [\"meeting.ended\"]}").statusCode()).isEqualTo(201);
    } finally {
      stop(p);
    }
    Process off = serve(Map.of("RTK_NO_WEBHOOKS_OUT", "true"));
    try {
      assertThat(banner(off)).contains("webhooks out: off (--no-webhooks-out)");
    } finally {
      stop(off);
    }
    CliRun badKeys = CliRun.of(List.of(), "serve", "--port", "0", "--livekit-keys", "only-a-key");
    assertThat(badKeys.exit()).isEqualTo(2);
    assertThat(badKeys.err()).contains("--livekit-keys (RTK_LIVEKIT_KEYS): LiveKit keys must be key:secret pairs");
  }

  private static HttpResponse<String> post(String url, String token, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
