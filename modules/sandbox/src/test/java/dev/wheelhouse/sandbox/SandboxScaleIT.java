package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The scale the benchmarks need: 10,000 pods and 1,000 Deployments are seeded and the churn
 * runs. How fast is a figure, not a verdict (the machine may be shared): it is printed as
 * {@code RESULT <scenario> <metric> <value> <unit>}. Other figures:
 * {@code -Dwheelhouse.scale.pods=N -Dwheelhouse.scale.deployments=N -Dwheelhouse.scale.churn=N}.
 */
class SandboxScaleIT {
    private static final int PODS = Integer.getInteger("wheelhouse.scale.pods", 10_000);
    private static final int DEPLOYMENTS = Integer.getInteger("wheelhouse.scale.deployments", 1_000);
    private static final int CHURN = Integer.getInteger("wheelhouse.scale.churn", 100);
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration WINDOW = Duration.ofSeconds(5);

    @Test
    void tenThousandPodsAndAThousandDeploymentsAreSeededAndChurn() throws IOException, InterruptedException {
        String scenario = "sandbox-" + PODS + "-pods-" + DEPLOYMENTS + "-deployments";
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withScale(PODS, DEPLOYMENTS).withChurnPerSecond(CHURN))) {
            Sandbox.Stats started = sandbox.stats();
            result(scenario, "startup", started.startup().toMillis(), "ms");
            assertThat(started.pods()).isEqualTo(PODS);
            assertThat(started.deployments()).isEqualTo(DEPLOYMENTS);

            long t0 = System.nanoTime();
            String pods = sandbox.store().handleGet("/api/v1/pods?labelSelector=app.kubernetes.io%2Fpart-of%3Dload").getBody().readUtf8();
            result(scenario, "list-load-pods", (System.nanoTime() - t0) / 1_000_000, "ms");
            assertThat(pods).startsWith("{\"apiVersion\":\"v1\",\"kind\":\"PodList\"");

            // A rate needs a window of time: these two pauses measure, they do not wait for a condition.
            Thread.sleep(WARM_UP.toMillis());
            long before = sandbox.stats().churnEvents();
            long start = System.nanoTime();
            Thread.sleep(WINDOW.toMillis());
            double seconds = (System.nanoTime() - start) / 1e9;
            double achieved = (sandbox.stats().churnEvents() - before) / seconds;
            result(scenario, "churn-requested", CHURN, "events/s");
            result(scenario, "churn-achieved", Math.round(achieved), "events/s");
            assertThat(achieved).as("churn events per second").isPositive();
        }
    }

    private static void result(String scenario, String metric, long value, String unit) {
        System.out.println(String.format(Locale.ROOT, "RESULT %s %s %d %s", scenario, metric, value, unit));
    }
}
