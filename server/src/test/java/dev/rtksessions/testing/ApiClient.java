package dev.rtksessions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP over a real socket, returning parsed JSON: what any client of the service sees. */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  /** @param baseUrl e.g. http://127.0.0.1:1234/client/v4 */
  public ApiClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A status, the headers and the parsed JSON body. */
  public record Response(int status, JsonNode body, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Response get(String pathAndQuery, String token) {
    return send(request(pathAndQuery, token).GET().build());
  }

  public Response post(String path, String token, String body, String contentType) {
    HttpRequest.Builder b = request(path, token).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.build());
  }

  /** A POST with the given headers and no token (webhooks authenticate by signature). */
  public Response post(String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder b = request(path, null).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return send(b.build());
  }

  /** A PUT of raw bytes (artifact uploads). */
  public Response put(String path, String token, byte[] body, String contentType) {
    HttpRequest.Builder b = request(path, token).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.build());
  }

  /** A GET without a token whose body is kept as bytes (downloads are not JSON). */
  public HttpResponse<byte[]> download(String url) {
    try {
      return http.send(request(url, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response postJson(String path, String token, Object body) {
    try {
      return post(path, token, JSON.writeValueAsString(body), "application/json");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Response send(String method, String path, String token, String body) {
    return send(request(path, token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  /** Any method with a body of the given content type. */
  public Response send(String method, String path, String token, String body, String contentType) {
    return send(request(path, token).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpRequest.Builder request(String pathAndQuery, String token) {
    String url = pathAndQuery.startsWith("http") ? pathAndQuery : baseUrl + pathAndQuery;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = r.body().isEmpty() ? null : JSON.readTree(r.body());
      return new Response(r.statusCode(), body, r);
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
