package dev.rtksessions.bench;

import dev.rtksessions.http.HttpServer;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The HTTP floor: the service's listener (HttpServer) handling a GET as the service does
 * (dispatched to the worker pool, the answer written and the exchange completed on the I/O
 * thread), answering every request with a prepared JSON body from memory.
 */
@Command(name = "static-floor", mixinStandardHelpOptions = true,
    description = "Serve a prepared JSON body from memory on 127.0.0.1:PORT until stopped.")
final class StaticFloorCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8788")
  int port;
  @Option(names = "--body", required = true, description = "File with the body to answer.")
  Path body;
  @Option(names = "--workers", defaultValue = "20", description = "Worker threads (the service: max(8, 2 x pool)).")
  int workers;

  @Override
  public Integer call() throws Exception {
    byte[] bytes = Files.readAllBytes(body);
    HttpServer.start("127.0.0.1", port, workers, exchange -> exchange.dispatch(() -> {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
      exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
      exchange.getIoThread().execute(() -> exchange.getResponseSender().send(ByteBuffer.wrap(bytes)));
    }));
    System.out.println("static floor ready on 127.0.0.1:" + port + " (" + bytes.length + " bytes)");
    new CountDownLatch(1).await();
    return 0;
  }
}
