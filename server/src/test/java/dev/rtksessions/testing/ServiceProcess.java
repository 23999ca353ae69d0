package dev.rtksessions.testing;

import dev.rtksessions.service.RtkService;
import dev.rtksessions.service.ServiceConfig;
import java.io.IOException;

/**
 * Runs the service in a separate JVM for tests that need a second server process:
 * prints "PORT n" when ready and stops when its standard input closes.
 */
public final class ServiceProcess {
  private ServiceProcess() {}

  public static void main(String[] args) throws IOException {
    try (RtkService service = RtkService.start(ServiceConfig.of("127.0.0.1", 0, args[0]))) {
      System.out.println("PORT " + service.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }
}
