package dev.gauntlet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.sandbox.docker.DockerHost;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
