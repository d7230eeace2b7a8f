import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The share of a JFR recording's execution samples (bench/profile.sh) spent in a component's own work, not in what it calls
 * onward: for each prefix of class.method given, the samples whose innermost frame among that prefix's frames and the
 * "onward" frames (the next Vert.x route handler, the REST layer's handler chain, the service's own code) is the prefix's.
 * Quarkus' route handlers call the next one from inside themselves, so an inclusive count ("on the stack") gives a handler
 * everything after it: HttpAuthorizer.checkPermission was about 4% of all samples inclusive and 0-0.6% on its own (issue 19,
 * branch i19v). TOPS=1 also prints, for each prefix, the frames and leaves sampled most.
 * Run: java bench/JfrExclusive.java target/profile-single.jfr io.quarkus.oidc 'io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder$1' ...
 */
public class JfrExclusive {

    private static final String[] ONWARD = {"io.vertx.ext.web.impl.RoutingContextImpl.next", "io.vertx.ext.web.impl.RoutingContextImplBase.iterateNext",
            "io.vertx.ext.web.impl.RouteState.handleContext", "org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext.run",
            "io.vertx.core.http.impl.Http1xServerRequest.handleEnd", "io.vertx.core.http.impl.Http1xServerRequest.handleBegin",
            "io.vertx.core.impl.ContextInternal.dispatch", "org.origincheck."};

    public static void main(String[] args) throws Exception {
        int total = 0;
        int[] hits = new int[args.length];
        List<Map<String, Integer>> tops = new java.util.ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            tops.add(new HashMap<>());
        }
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            total++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            for (int k = 1; k < args.length; k++) {
                for (int i = 0; i < frames.size(); i++) {
                    String method = name(frames.get(i));
                    if (method.startsWith(args[k])) {
                        hits[k]++;
                        tops.get(k).merge(method + " <- leaf " + name(frames.get(0)), 1, Integer::sum);
                        break;
                    }
                    if (i > 0 && java.util.Arrays.stream(ONWARD).anyMatch(method::startsWith)) {
                        break;
                    }
                }
            }
        }
        System.out.println("execution samples: " + total);
        for (int k = 1; k < args.length; k++) {
            System.out.printf("%6.2f%% %5d %s%n", 100.0 * hits[k] / total, hits[k], args[k]);
            if (System.getenv("TOPS") != null) {
                tops.get(k).entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(8)
                        .forEach(x -> System.out.println("         " + x.getValue() + " " + x.getKey()));
            }
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
