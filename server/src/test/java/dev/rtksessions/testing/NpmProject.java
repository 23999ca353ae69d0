package dev.rtksessions.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An npm project under compat/ that a test runs with Node.js: installed with {@code npm ci} when
 * its package is missing (the versions package-lock.json pins), its scripts run with a timeout.
 */
public final class NpmProject {
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
  private final Path dir;

  private NpmProject(Path dir) {
    this.dir = dir;
  }

  /** compat/{name} of this checkout, with {@code node_modules/{pkg}} installed. */
  public static NpmProject installed(String name, String pkg) {
    Path dir = locate(name);
    NpmProject project = new NpmProject(dir);
    if (!Files.isRegularFile(dir.resolve("node_modules").resolve(pkg).resolve("package.json"))) {
      String npm = System.getProperty("os.name", "").startsWith("Windows") ? "npm.cmd" : "npm";
      String out = project.run(List.of(npm, "ci", "--no-audit", "--no-fund"), Map.of(), NPM_TIMEOUT);
      if (!Files.isRegularFile(dir.resolve("node_modules").resolve(pkg).resolve("package.json"))) {
        fail("`npm ci` in " + dir + " did not install " + pkg + ":\n" + out);
      }
    }
    return project;
  }

  /** Runs {@code node script} with more environment; returns its standard output (a failure fails the test). */
  public String node(String script, Map<String, String> env, Duration timeout) {
    return run(List.of("node", script), env, timeout);
  }

  private String run(List<String> command, Map<String, String> env, Duration timeout) {
    try {
      Path out = Files.createTempFile("rtk-npm-out", ".txt");
      Path err = Files.createTempFile("rtk-npm-err", ".txt");
      try {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
            .redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p;
        try {
          p = pb.start();
        } catch (IOException e) {
          return fail("`" + command.get(0) + "` cannot be run (" + e.getMessage() + "): the test needs Node.js 18+"
              + " and npm on the PATH");
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          fail(String.join(" ", command) + " in " + dir + " did not finish within " + timeout);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          fail(String.join(" ", command) + " in " + dir + " exited " + p.exitValue() + ":\n" + stdout
              + Files.readString(err, StandardCharsets.UTF_8));
        }
        return stdout;
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Maven runs tests in the module's directory: compat/ is above it. */
  private static Path locate(String name) {
    Path start = Paths.get("").toAbsolutePath();
    for (Path d = start; d != null; d = d.getParent()) {
      Path candidate = d.resolve("compat").resolve(name);
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate;
      }
    }
    return fail("cannot find compat/" + name + " above " + start);
  }
}
