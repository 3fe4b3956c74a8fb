package dev.gauntlet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.sandbox.docker.DockerHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerOptionsTest {

    @Test
    void anEngineEntryGivesItsAddressCapacityAndTlsDirectory() {
        DockerOptions.Address address = DockerOptions.Address.parse("tcp://box-2:2376,capacity=40,tls=/etc/gauntlet/box-2");

        assertThat(address).isEqualTo(new DockerOptions.Address("tcp://box-2:2376", 40, Path.of("/etc/gauntlet/box-2")));
        assertThat(address.dockerHost()).isEqualTo(new DockerHost("tcp://box-2:2376", Path.of("/etc/gauntlet/box-2")));
        assertThat(DockerOptions.Address.parse("unix:///var/run/docker.sock").dockerHost())
            .isEqualTo(DockerHost.of("unix:///var/run/docker.sock"));
    }

    @Test
    void anUnknownOrEmptySettingIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> DockerOptions.Address.parse("tcp://box-2:2376,tls="))
            .hasMessageContaining("'tls=' is not understood").hasMessageContaining("capacity=N").hasMessageContaining("tls=DIR");
        assertThatThrownBy(() -> DockerOptions.Address.parse("tcp://box-2:2376,cert=/x"))
            .hasMessageContaining("'cert=/x' is not understood");
        assertThatThrownBy(() -> DockerOptions.Address.parse("tcp://box-2:2376,capacity=0"))
            .hasMessageContaining("capacity must be a whole number of at least 1");
    }

    @Test
    void anEnginesFileListsEnginesWithTheSameSettingsAndTlsRelativeToTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("engines.yaml"), """
            engines:
              - host: unix:///var/run/docker.sock
                capacity: 40
              - host: tcp://box-2:2376
                tls: certs/box-2
            """);

        assertThat(EnginesFile.read(file)).containsExactly(
            new DockerOptions.Address("unix:///var/run/docker.sock", 40, null),
            new DockerOptions.Address("tcp://box-2:2376", null, dir.resolve("certs/box-2")));
    }

    @Test
    void aBrokenEnginesFileIsRefusedNamingTheFileAndTheField(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> EnginesFile.read(Files.writeString(dir.resolve("a.yaml"), "hosts: []\n")))
            .hasMessageContaining("a.yaml").hasMessageContaining("needs a list 'engines:'");
        assertThatThrownBy(() -> EnginesFile.read(Files.writeString(dir.resolve("b.yaml"), "engines:\n  - capacity: 4\n")))
            .hasMessageContaining("b.yaml: engines[0].host is required");
        assertThatThrownBy(() -> EnginesFile.read(Files.writeString(dir.resolve("c.yaml"),
                "engines:\n  - host: tcp://a:2375\n  - host: tcp://b:2375\n    capacity: lots\n")))
            .hasMessageContaining("c.yaml: engines[1].capacity must be a whole number of at least 1").hasMessageContaining("lots");
        assertThatThrownBy(() -> EnginesFile.read(Files.writeString(dir.resolve("d.yaml"),
                "engines:\n  - host: tcp://a:2375\n    cert_path: /x\n")))
            .hasMessageContaining("d.yaml: engines[0].cert_path is not a setting; an engine has host, capacity and tls");
        assertThatThrownBy(() -> EnginesFile.read(Files.writeString(dir.resolve("e.yaml"), "engines: [\n")))
            .hasMessageContaining("e.yaml: cannot be read as YAML");
        assertThatThrownBy(() -> EnginesFile.read(dir.resolve("missing.yaml")))
            .hasMessageContaining("missing.yaml");
    }
}
