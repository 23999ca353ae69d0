package dev.rtksessions.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.service.RtkService;
import dev.rtksessions.service.ServiceConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The service in a separate JVM, for tests that need a second server process. The child
 * prints "PORT n" when it listens, stops when its standard input closes, and then prints how
 * many write transactions it had to run again after a conflict ("CONFLICT_RETRIES n").
 */
public final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  public final ApiClient client;

  private ServiceProcess(Process process, BufferedReader out, int port) {
    this.process = process;
    this.out = out;
    this.client = new ApiClient("http://127.0.0.1:" + port + "/client/v4");
  }

  /** Starts the service on a store in a new JVM and waits until it listens. */
  public static ServiceProcess start(String jdbcUrl) throws IOException {
    Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), ServiceProcess.class.getName(), jdbcUrl)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("PORT ")) {
      process.destroyForcibly();
      throw new IllegalStateException("the service process did not start (printed " + ready + ")");
    }
    return new ServiceProcess(process, out, Integer.parseInt(ready.substring(5)));
  }

  /** Stops the process; returns how many writes it ran again after a conflict. */
  public long stop() throws IOException, InterruptedException {
    process.getOutputStream().close();
    String line = out.readLine();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the service process stops").isTrue();
    assertThat(line).as("the service process's last line").startsWith("CONFLICT_RETRIES ");
    return Long.parseLong(line.substring("CONFLICT_RETRIES ".length()));
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  public static void main(String[] args) throws IOException {
    try (RtkService service = RtkService.start(ServiceConfig.of("127.0.0.1", 0, args[0]))) {
      System.out.println("PORT " + service.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
      System.out.println("CONFLICT_RETRIES " + service.database().conflictRetries());
      System.out.flush();
    }
  }
}
