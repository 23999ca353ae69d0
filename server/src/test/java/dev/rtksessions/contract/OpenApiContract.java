package dev.rtksessions.contract;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Response schemas of a published OpenAPI 3.0 document, and validation of real answers
 * against them.
 *
 * <p>The document is read once (YAML, with Jackson) and handed whole to networknt's
 * json-schema-validator under its OpenAPI 3.0 dialect, which knows that dialect's keywords:
 * {@code nullable}, {@code readOnly}/{@code writeOnly}, {@code discriminator}, {@code example}
 * and Draft 4 {@code type}/{@code allOf}/{@code enum}/{@code required}/{@code format}. Schema
 * {@code $ref}s ({@code #/components/schemas/...}) are resolved by the library inside the same
 * document; the OpenAPI-level indirections (an operation's response that is a {@code $ref} to
 * {@code #/components/responses/...}) are followed here, because they are not JSON Schema.
 *
 * <p>Validation is set up for <em>responses</em>:
 * <ul>
 *   <li>{@code format} is asserted (it is only an annotation by default in newer drafts):
 *       {@code uuid} and {@code date-time} (RFC 3339) are checked;</li>
 *   <li>{@code readOnly} properties are allowed and {@code writeOnly} ones are a violation
 *       (OpenAPI 3.0: a writeOnly property "MAY be sent as part of a request but SHOULD NOT
 *       be sent as part of the response");</li>
 *   <li>{@code additionalProperties} is left as the document says; absent means allowed, as
 *       in OpenAPI 3.0 and JSON Schema.</li>
 * </ul>
 * Examples in the document are never used: Cloudflare's examples disagree with its schemas
 * (API.md §1), and the schemas are the contract.
 */
public final class OpenApiContract {
  /** Cloudflare's published RealtimeKit subset, kept as test data under {@code contract/}. */
  public static final String CLOUDFLARE_REALTIMEKIT = "contract/cloudflare-realtimekit-sessions.openapi.yaml";

  private static final Map<String, OpenApiContract> LOADED = new ConcurrentHashMap<>();
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");

  /** The fixed fields of an OpenAPI 3.0 object (the document root). */
  private static final List<String> OPENAPI_OBJECT_FIELDS = List.of("openapi", "info", "servers", "paths",
      "components", "security", "tags", "externalDocs");

  private final String resource;
  private final String documentIri;
  private final JsonNode document;
  private final SchemaRegistry registry;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  private OpenApiContract(String resource) {
    this.resource = resource;
    this.document = readYaml(resource);
    if (!document.path("openapi").asText().startsWith("3.0")) {
      throw new IllegalArgumentException(resource + " is not an OpenAPI 3.0 document (openapi: "
          + document.path("openapi").asText() + ")");
    }
    // The library fetches the document by this IRI when it resolves "#/..." references; it is
    // served from memory, so nothing is read over the network or from outside the classpath.
    this.documentIri = "https://contract.rtk-sessions.test/" + resource.replace(".yaml", ".json");
    String json = document.toString();
    this.registry = SchemaRegistry.withDialect(openApi30Dialect(), builder -> builder
        .schemas(Map.of(documentIri, json))
        .schemaRegistryConfig(SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build()));
  }

  /**
   * The library's OpenAPI 3.0 dialect, told that the fields of the OpenAPI object around the
   * schemas ({@code paths}, {@code components}, ...) and {@code x-} extensions validate nothing.
   * The whole document is the schema resource that {@code $ref}s resolve in, so the library
   * reads its top level as a schema too; without this it warns about each of those fields.
   * Any other unknown keyword is still reported by the library's default factory.
   */
  private static Dialect openApi30Dialect() {
    Dialect base = Dialects.getOpenApi30();
    Dialect.Builder b = Dialect.builder(base);
    for (String field : OPENAPI_OBJECT_FIELDS) {
      b.keyword(new NonValidationKeyword(field));
    }
    return b.unknownKeywordFactory((keyword, context) -> keyword.startsWith("x-")
        ? new NonValidationKeyword(keyword)
        : UnknownKeywordFactory.getInstance().getKeyword(keyword, context)).build();
  }

  /** Cloudflare's RealtimeKit document, loaded once per JVM. */
  public static OpenApiContract cloudflareRealtimeKit() {
    return load(CLOUDFLARE_REALTIMEKIT);
  }

  /** An OpenAPI 3.0 YAML document on the test classpath, loaded once per JVM. */
  public static OpenApiContract load(String classpathResource) {
    return LOADED.computeIfAbsent(classpathResource, OpenApiContract::new);
  }

  /** The document as parsed, for tests that want to look at it. */
  public JsonNode document() {
    return document;
  }

  /** One operation of the document. */
  public record Operation(String operationId, String method, String pathTemplate, JsonNode node) {
    /** Whether a concrete path (no query) is an instance of this operation's template. */
    public boolean matchesPath(String path) {
      String regex = Pattern.compile("\\{[^/}]+}").splitAsStream(pathTemplate)
          .map(Pattern::quote)
          .reduce((a, b) -> a + "[^/]+" + b)
          .orElse("");
      if (pathTemplate.endsWith("}")) {
        regex += "[^/]+";
      }
      return path.matches(regex);
    }
  }

  /** A violation: where in the answer (a JSON pointer, "" for the root), which rule, and what. */
  public record Violation(String pointer, String keyword, String message, String schemaLocation) {
    @Override
    public String toString() {
      return (pointer.isEmpty() ? "/" : pointer) + " [" + keyword + "] " + message + "  (schema: " + schemaLocation + ")";
    }
  }

  /** Finds an operation by its {@code operationId}. */
  public Operation operation(String operationId) {
    List<String> known = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op == null) {
          continue;
        }
        String id = op.path("operationId").asText();
        if (id.equals(operationId)) {
          return new Operation(id, method.toUpperCase(Locale.ROOT), path.getKey(), op);
        }
        known.add(id);
      }
    }
    throw new IllegalArgumentException("no operationId " + operationId + " in " + resource + "; it has " + known);
  }

  /** Finds an operation by method and path template, e.g. {@code GET}, {@code /accounts/{account_id}/...}. */
  public Operation operation(String method, String pathTemplate) {
    JsonNode pathItem = document.path("paths").get(pathTemplate);
    if (pathItem == null) {
      throw new IllegalArgumentException("no path " + pathTemplate + " in " + resource);
    }
    JsonNode op = pathItem.get(method.toLowerCase(Locale.ROOT));
    if (op == null) {
      throw new IllegalArgumentException("no " + method + " on " + pathTemplate + " in " + resource);
    }
    return new Operation(op.path("operationId").asText(), method.toUpperCase(Locale.ROOT), pathTemplate, op);
  }

  /**
   * The JSON pointer, into the document, of the {@code application/json} schema of an
   * operation's response for {@code status}: the exact status, else its range ({@code 2XX}),
   * else {@code default}. A response that is a {@code $ref} is followed.
   *
   * @throws IllegalArgumentException when the operation declares no such response or it has no JSON schema
   */
  public String responseSchemaPointer(Operation op, int status) {
    JsonNode responses = op.node().path("responses");
    String key = String.valueOf(status);
    if (!responses.has(key)) {
      key = (status / 100) + "XX";
    }
    if (!responses.has(key)) {
      key = "default";
    }
    if (!responses.has(key)) {
      List<String> declared = new ArrayList<>();
      responses.fieldNames().forEachRemaining(declared::add);
      throw new IllegalArgumentException(op.operationId() + " (" + op.method() + " " + op.pathTemplate()
          + ") declares no response for status " + status + "; it declares " + declared);
    }
    String pointer = "/paths/" + escape(op.pathTemplate()) + "/" + op.method().toLowerCase(Locale.ROOT)
        + "/responses/" + escape(key);
    JsonNode response = responses.get(key);
    for (int hops = 0; response.has("$ref"); hops++) {
      if (hops > 10) {
        throw new IllegalStateException("$ref loop at " + pointer);
      }
      String ref = response.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local $refs are supported, got " + ref + " at " + pointer);
      }
      pointer = ref.substring(1);
      response = document.at(JsonPointer.compile(pointer));
      if (response.isMissingNode()) {
        throw new IllegalArgumentException("dangling $ref " + ref + " in " + resource);
      }
    }
    JsonNode schema = response.path("content").path("application/json").get("schema");
    if (schema == null) {
      throw new IllegalArgumentException(op.operationId() + " response " + key + " (" + pointer
          + ") has no application/json schema");
    }
    return pointer + "/content/application~1json/schema";
  }

  /** The compiled schema of an operation's response. */
  public Schema responseSchema(String operationId, int status) {
    Operation op = operation(operationId);
    return schemaAt(responseSchemaPointer(op, status));
  }

  /** Any schema of the document by its JSON pointer, e.g. {@code /components/schemas/realtimekit_Meeting}. */
  public Schema schemaAt(String pointer) {
    if (document.at(JsonPointer.compile(pointer)).isMissingNode()) {
      throw new IllegalArgumentException("nothing at " + pointer + " in " + resource);
    }
    return compiled.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(documentIri + "#" + p)));
  }

  /** Validates an answer body against the response schema of {@code operationId} for {@code status}. */
  public List<Violation> validateResponse(String operationId, int status, JsonNode body) {
    return validate(responseSchema(operationId, status), body);
  }

  /** Validates a document against the schema at {@code pointer}, as a response. */
  public List<Violation> validateAt(String pointer, JsonNode body) {
    return validate(schemaAt(pointer), body);
  }

  private List<Violation> validate(Schema schema, JsonNode body) {
    Objects.requireNonNull(body, "no body to validate");
    List<Error> errors = schema.validate(body, ctx -> ctx.executionConfig(c -> c
        .formatAssertionsEnabled(true)
        // A response: readOnly properties belong in it, writeOnly ones must not appear.
        .readOnly(false)
        .writeOnly(true)));
    List<Violation> out = new ArrayList<>();
    for (Error e : errors) {
      out.add(new Violation(String.valueOf(e.getInstanceLocation()), e.getKeyword(), e.getMessage(),
          shortLocation(String.valueOf(e.getSchemaLocation()))));
    }
    return out;
  }

  /** The violations one per line, for assertion messages. */
  public static String describe(List<Violation> violations) {
    StringBuilder sb = new StringBuilder();
    for (Violation v : violations) {
      sb.append("  ").append(v).append('\n');
    }
    return sb.toString();
  }

  private String shortLocation(String location) {
    return location.startsWith(documentIri) ? location.substring(documentIri.length()) : location;
  }

  /** Escapes one JSON-pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static JsonNode readYaml(String resource) {
    ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(OpenApiContract.class.getClassLoader());
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource + " on the test classpath");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }
}
