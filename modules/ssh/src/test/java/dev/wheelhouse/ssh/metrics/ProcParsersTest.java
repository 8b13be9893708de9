package dev.wheelhouse.ssh.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostMetricsSample.FilesystemUsage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fixtures/proc-sample-{1,2}.txt: the metrics loop's output captured on this machine two seconds apart. */
class ProcParsersTest {

    static List<RawSnapshot> fixture(String name) throws IOException {
        List<RawSnapshot> out = new ArrayList<>();
        MetricsBlockParser parser = new MetricsBlockParser(out::add);
        try (InputStream in = ProcParsersTest.class.getResourceAsStream("/fixtures/" + name)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(parser::line);
        }
        return out;
    }

    @Test
    void aRealBlockParses() throws Exception {
        RawSnapshot s = fixture("proc-sample-1.txt").getFirst();

        assertThat(s.cpus()).isEqualTo(2);
        // cpu  47669 0 6411 115276 468 0 103 27 0 0
        assertThat(s.cpuTotal()).isEqualTo(47669 + 6411 + 115276 + 468 + 103 + 27);
        assertThat(s.cpuIdle()).isEqualTo(115276 + 468);
        assertThat(s.memory()).isEqualTo(new HostMetricsSample.Memory(24684096L * 1024, 24087476L * 1024, 0, 0));
        assertThat(s.load()).isEqualTo(new HostMetricsSample.Load(2.26, 1.87, 0.91));
        assertThat(s.uptimeSeconds()).isEqualTo(854.51);
        assertThat(s.network().keySet()).containsExactly("lo", "ifb0", "ifb1", "eth0");
        assertThat(s.network().get("eth0")).containsExactly(116838199L, 361321L);
        assertThat(s.filesystems()).extracting(FilesystemUsage::mountPoint).containsExactly("/dev", "/dev/shm", "/", "/sys/fs/cgroup");
        FilesystemUsage root = s.filesystems().get(2);
        assertThat(root).isEqualTo(new FilesystemUsage("/dev/vda", "/", 264212084L * 1024, 23173800L * 1024, 83217112L * 1024,
                16777216L, 412887L));
        assertThat(root.usedPercent()).isCloseTo(21.78, within(0.01)); // df says 22%
        assertThat(s.service()).isNull();
    }

    @Test
    void twoRealBlocksMakeCpuUseAndRates() throws Exception {
        RawSnapshot first = fixture("proc-sample-1.txt").getFirst();
        RawSnapshot second = fixture("proc-sample-2.txt").getFirst();
        SampleAssembler assembler = new SampleAssembler("h", null);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        HostMetricsSample a = assembler.next(first, t0);
        HostMetricsSample b = assembler.next(second, t0.plusSeconds(2));

        assertThat(a.cpuPercent()).isNull();
        assertThat(a.network()).allSatisfy(n -> assertThat(n.rxBytesPerSecond()).isNull());
        double ticks = second.cpuTotal() - first.cpuTotal();
        double busy = ticks - (second.cpuIdle() - first.cpuIdle());
        assertThat(b.cpuPercent()).isCloseTo(100 * busy / ticks, within(1e-9)).isBetween(0.0, 100.0);
        double seconds = second.uptimeSeconds() - first.uptimeSeconds();
        HostMetricsSample.NetworkRate lo = b.network().getFirst();
        assertThat(lo.iface()).isEqualTo("lo");
        assertThat(lo.rxBytesPerSecond()).isCloseTo((second.network().get("lo")[0] - first.network().get("lo")[0]) / seconds, within(1e-6));
        assertThat(b.uptime()).isEqualTo(Duration.ofMillis((long) (second.uptimeSeconds() * 1000)));
        assertThat(b.fullestFilesystem().mountPoint()).isEqualTo("/");
    }

    @Test
    void countersThatGoBackwardsGiveNoRateRatherThanANegativeOne() {
        RawSnapshot before = snapshot(1000, 500, 100.0, 5000, 5000);
        RawSnapshot after = snapshot(100, 50, 3.0, 10, 10); // rebooted
        SampleAssembler assembler = new SampleAssembler("h", null);
        assembler.next(before, Instant.EPOCH);

        HostMetricsSample s = assembler.next(after, Instant.EPOCH.plusSeconds(2));

        assertThat(s.cpuPercent()).isNull();
        assertThat(s.network().getFirst().rxBytesPerSecond()).isNull();
    }

    private static RawSnapshot snapshot(long total, long idle, double uptime, long rx, long tx) {
        return new RawSnapshot(total, idle, 1, new HostMetricsSample.Memory(1, 1, 0, 0), null, uptime,
                java.util.Map.of("eth0", new long[] {rx, tx}), List.of(), null);
    }

    @Test
    void dfWithSpacesInNamesDashInodePercentagesAndJunk() {
        List<String> blocks = List.of(
                "Filesystem     1024-blocks    Used Available Capacity Mounted on",
                "/dev/sda1         1000000  250000    750000      25% /",
                "//nas/share with space  2000   1000   1000  50% /mnt/my share",
                "proc                    0       0         0       -  /proc",
                "df: /mnt/stale: Transport endpoint is not connected",
                "vfat-thing           4096     1024      3072  25% /boot/efi");
        List<String> inodes = List.of(
                "Filesystem     Inodes IUsed IFree IUse% Mounted on",
                "/dev/sda1       65536  1000 64536    2% /",
                "//nas/share with space  0  0  0  -  /mnt/my share",
                "vfat-thing          0     0     0     - /boot/efi");

        List<FilesystemUsage> fs = ProcParsers.filesystems(blocks, inodes);

        assertThat(fs).extracting(FilesystemUsage::mountPoint).containsExactly("/", "/mnt/my share", "/boot/efi");
        assertThat(fs.get(1).filesystem()).isEqualTo("//nas/share with space");
        assertThat(fs.get(1).inodes()).isNull();
        assertThat(fs.get(0).inodesUsedPercent()).isCloseTo(100.0 * 1000 / 65536, within(1e-9));
    }

    @Test
    void oldKernelsWithoutMemAvailableAndNetDevWithGluedNames() {
        HostMetricsSample.Memory m = ProcParsers.memory(List.of("MemTotal: 1000 kB", "MemFree: 100 kB", "Buffers: 50 kB", "Cached: 250 kB",
                "SwapTotal: 10 kB", "SwapFree: 4 kB", "HugePages_Total: 0"));
        assertThat(m).isEqualTo(new HostMetricsSample.Memory(1000 * 1024, 400 * 1024, 10 * 1024, 4 * 1024));

        var net = ProcParsers.network(List.of(
                "Inter-|   Receive                                                |  Transmit",
                " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
                "eth0:4294967296 1 0 0 0 0 0 0 77 1 0 0 0 0 0 0"));
        assertThat(net.get("eth0")).containsExactly(4294967296L, 77L);
    }

    @Test
    void aServiceSectionGivesTheUnitsState() {
        List<RawSnapshot> out = new ArrayList<>();
        MetricsBlockParser parser = new MetricsBlockParser(out::add);
        for (String line : List.of("@@stat", "cpu  1 2 3 4 5 6 7 8 9 10", "cpu0 1 2 3 4 5 6 7 8 9 10", "@@service", "failed", "@@end",
                "@@stat", "cpu  1 2 3 4", "@@service", "@@end", "garbage before a block", "@@end")) {
            parser.line(line);
        }

        assertThat(out).hasSize(2);
        assertThat(out.get(0).service()).isEqualTo("failed");
        assertThat(out.get(1).service()).as("no systemctl on the host").isEqualTo("unknown");
        assertThat(new SampleAssembler("h", "app.service").next(out.get(0), Instant.EPOCH).service())
                .isEqualTo(new HostMetricsSample.ServiceState("app.service", "failed"));
    }
}
