package org.origincheck.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.hs.HsCode;

/** The gate that keeps concurrent large evaluations within the heap (four 50,000-material BOMs answered 500 without it). */
class EvaluationCapacityTest {

    @Test
    void shouldRefuseAsBusyWhenLargeEvaluationsFillTheCapacity() throws Exception {
        EvaluationCapacity capacity = new EvaluationCapacity(10, 0);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> large = CompletableFuture.supplyAsync(() -> capacity.evaluate(bom(8), () -> {
            running.countDown();
            await(release);
            return "large";
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> capacity.evaluate(bom(5), () -> "second"))
                .isInstanceOfSatisfying(DeterminationRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeterminationRefused.Reason.BUSY);
                    assertThat(e.getMessage()).contains("nothing was stored");
                });
        assertThat(capacity.evaluate(bom(2), () -> "small passes beside it")).isEqualTo("small passes beside it");

        release.countDown();
        assertThat(large.get(10, TimeUnit.SECONDS)).isEqualTo("large");
        assertThat(capacity.available()).isEqualTo(10);
    }

    @Test
    void shouldRunABomLargerThanTheCapacityAloneAndGiveEveryPermitBack() {
        EvaluationCapacity capacity = new EvaluationCapacity(10, 0);
        assertThat(capacity.evaluate(bom(25), () -> "alone")).isEqualTo("alone");
        assertThatThrownBy(() -> capacity.evaluate(bom(3), () -> {
            throw new IllegalStateException("evaluation failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(capacity.available()).isEqualTo(10);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BillOfMaterials bom(int materials) {
        List<Material> list = new ArrayList<>();
        for (int i = 0; i < materials; i++) {
            list.add(new Material(i, "P" + i, null, HsCode.parse("7304.19"), OriginStatus.NON_ORIGINATING, "CN", new BigDecimal("1.00"),
                    BigDecimal.ONE, "EA", MaterialKind.DIRECT, true));
        }
        return new BillOfMaterials("capacity", LocalDate.of(2026, 7, 1),
                new Good("BLR", null, HsCode.parse("8402.11"), null, "MX", "USD", new BigDecimal("1000.00"), null, null, null), list);
    }
}
