package io.caravan.platform.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemInstanceTest {
    @Test
    void a_hostile_path_is_named_without_failing() {
        assertThat(Problem.instance("/api/stores/a\u0000b")).hasToString("/api/stores/a%00b");
        assertThat(Problem.instance("/api/stores/a b/%")).hasToString("/api/stores/a%20b/%25");
        assertThat(Problem.instance("/api/stores/ü")).hasToString("/api/stores/%C3%BC");
        assertThat(Problem.instance("/api/stores/%2e%2F")).as("escapes kept").hasToString("/api/stores/%2e%2F");
        assertThat(Problem.instance("/api/x?y#z")).hasToString("/api/x%3Fy%23z");
        assertThat(Problem.instance(null)).isNull();
    }

    @Test
    void every_container_status_keeps_its_status_and_an_unknown_client_error_stays_a_client_error() {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 411, 413, 414, 415, 431, 503}) {
            assertThat(ContainerProblemServlet.problem(status, null).status()).isEqualTo(status);
        }
        assertThat(ContainerProblemServlet.problem(418, null).status()).isEqualTo(418);
        assertThat(ContainerProblemServlet.problem(500, null).detail()).contains("incident");
    }
}
