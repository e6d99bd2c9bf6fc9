package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, HTTP answers that keep their contract: security headers on every answer, a NUL byte in a query or a login
 * name and out-of-range dates answered 400 with a reason (they were 500 with a stack trace), and the WebSocket's
 * Origin check comparing the scheme too.
 */
class HttpEdgesTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass().withAdmin();

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/admin/", "/js/main.js", "/api/lobby", "/health", "/no-such-file", "/api/hands"}) {
            HttpResponse<String> answer = live.get(path, null);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").contains("default-src 'self'");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        }
    }

    @Test
    void aNulByteInAQueryOrALoginNameIsABadRequest() throws Exception {
        String token = live.token("nora");
        for (String path : new String[] {"/api/hands?from=%00", "/api/hands/export?format=json&table=1%00",
                "/api/hands?player=a%00b"}) {
            HttpResponse<String> answer = live.get(path, token);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(TestServer.json(answer).get("error").get("message").asText()).as(path).contains("control character");
        }
        HttpResponse<String> search = live.get("/api/admin/players?q=al%00ice", live.adminToken());
        assertThat(search.statusCode()).as(search.body()).isEqualTo(400);

        HttpResponse<String> login = live.post("/api/login", null, ProtocolJson.write(Map.of("name", "no\u0000ra", "password", "nora-password")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(400);
        HttpResponse<String> register = live.post("/api/register", null, ProtocolJson.write(Map.of("name", "no\u0000ra", "password", "nora-password")));
        assertThat(register.statusCode()).as(register.body()).isIn(400, 409);
    }

    @Test
    void outOfRangeDatesAreABadRequestWithAReason() throws Exception {
        String token = live.token("otto");
        for (String query : new String[] {"from=%2B1000000-01-01T00:00:00Z", "to=-50000-01-01T00:00:00Z", "from=0001-01-01",
                "from=9999-12-31&to=%2B10000-01-02T00:00:00Z"}) {
            HttpResponse<String> list = live.get("/api/hands?" + query, token);
            assertThat(list.statusCode()).as(query + " " + list.body()).isEqualTo(400);
            assertThat(TestServer.json(list).get("error").get("message").asText()).as(query).contains("out of range");
            HttpResponse<String> export = live.get("/api/hands/export?format=json&" + query, token);
            assertThat(export.statusCode()).as(query).isEqualTo(400);
            HttpResponse<String> admin = live.get("/api/admin/hands?" + query, live.adminToken());
            assertThat(admin.statusCode()).as(query + " " + admin.body()).isEqualTo(400);
        }
    }

    @Test
    void theOriginCheckComparesTheSchemeToo() throws Exception {
        int port = live.server().port();
        assertThat(RawHttp.upgrade(port, "http://127.0.0.1:" + port)).startsWith("HTTP/1.1 101");
        assertThat(RawHttp.upgrade(port, "https://127.0.0.1:" + port)).startsWith("HTTP/1.1 403");
        assertThat(RawHttp.upgrade(port, "http://evil.example:" + port)).startsWith("HTTP/1.1 403");
    }
}
