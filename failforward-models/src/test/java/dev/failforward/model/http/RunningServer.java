package dev.failforward.model.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An {@link EndpointServer} process started for a test, stopped when the test closes it. */
public record RunningServer(Process process, int port) implements AutoCloseable {

    /** Starts the server on {@code model} with these misbehaviour options and waits until it listens. */
    public static RunningServer start(Path model, String... options) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                EndpointServer.class.getName(), model.toAbsolutePath().toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("port ")) {
            p.destroyForcibly();
            throw new IOException("the test server did not start: " + line);
        }
        return new RunningServer(p, Integer.parseInt(line.substring(5).trim()));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
