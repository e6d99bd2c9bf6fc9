package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The web client's files as a browser fetches them: validators and 304s, gzip, versioned links, and no folders. */
class StaticFilesTest {

    private final StaticFiles files = new StaticFiles("web", Runnable::run);

    private Optional<HttpReply> get(String path, Map<String, String> headers) {
        return files.find(path, headers).join();
    }

    private HttpReply file(String path, Map<String, String> headers) {
        return get(path, headers).orElseThrow(() -> new AssertionError(path + " not found"));
    }

    private static String text(HttpReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void everyFileHasAnEtagAndALastModifiedDate() {
        HttpReply app = file("/css/app.css", Map.of());

        assertThat(app.status()).isEqualTo(200);
        assertThat(app.headers().get("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(app.headers().get("Last-Modified")).matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
        assertThat(app.headers().get("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void aBrowserWhoseCopyMatchesTheEtagGetsA304WithoutABody() {
        String etag = file("/css/app.css", Map.of()).headers().get("ETag");

        HttpReply again = file("/css/app.css", Map.of("if-none-match", "\"other\", " + etag));

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers()).containsEntry("ETag", etag);
        assertThat(file("/css/app.css", Map.of("if-none-match", "W/" + etag)).status()).as("weak comparison").isEqualTo(304);
        assertThat(file("/css/app.css", Map.of("if-none-match", "\"stale\"")).status()).isEqualTo(200);
    }

    @Test
    void aCopyNoOlderThanTheFileIsCurrentByDateWhenThereIsNoEtag() {
        HttpReply first = file("/js/main.js", Map.of());
        Instant modified = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(first.headers().get("Last-Modified")));

        assertThat(file("/js/main.js", Map.of("if-modified-since", first.headers().get("Last-Modified"))).status()).isEqualTo(304);
        assertThat(file("/js/main.js", Map.of("if-modified-since", rfc1123(modified.minusSeconds(1)))).status()).isEqualTo(200);
        assertThat(file("/js/main.js", Map.of("if-modified-since", "yesterday")).status()).isEqualTo(200);
        // An ETag that no longer matches wins over a date that would.
        assertThat(file("/js/main.js", Map.of("if-none-match", "\"stale\"", "if-modified-since",
                first.headers().get("Last-Modified"))).status()).isEqualTo(200);
    }

    @Test
    void textIsGzippedForABrowserThatAcceptsItAndOnlyThen() throws IOException {
        HttpReply plain = file("/css/app.css", Map.of());
        HttpReply zipped = file("/css/app.css", Map.of("accept-encoding", "gzip, deflate, br"));

        assertThat(zipped.headers()).containsEntry("Content-Encoding", "gzip").containsEntry("Vary", "Accept-Encoding");
        assertThat(zipped.body().length).isLessThan(plain.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(zipped.headers().get("ETag")).isNotEqualTo(plain.headers().get("ETag"));
        assertThat(file("/css/app.css", Map.of("accept-encoding", "gzip;q=0, identity")).headers()).doesNotContainKey("Content-Encoding");
        assertThat(file("/css/app.css", Map.of("accept-encoding", "gzip", "if-none-match", zipped.headers().get("ETag"))).status())
                .isEqualTo(304);
    }

    @Test
    void foldersAreNotFoundNotAnEmptyPage() {
        assertThat(get("/js", Map.of())).isEmpty();
        assertThat(get("/css", Map.of())).isEmpty();
        assertThat(get("/admin/views", Map.of())).isEmpty();
        assertThat(get("/js/views/", Map.of())).isEmpty();
        assertThat(get("/no-such-file.js", Map.of())).isEmpty();
    }

    @Test
    void pagesLinkTheirAssetsUnderThisVersionAndThoseAreCachedForAYear() {
        String version = files.version();
        String lobby = text(file("/", Map.of()));
        String admin = text(file("/admin/", Map.of()));

        assertThat(lobby).contains("src=\"/v/" + version + "/js/main.js\"").contains("href=\"/v/" + version + "/css/app.css\"");
        assertThat(admin).contains("src=\"/v/" + version + "/admin/app.js\"").contains("href=\"/v/" + version + "/admin/admin.css\"");
        HttpReply script = file("/v/" + version + "/js/main.js", Map.of());
        assertThat(script.headers()).containsEntry("Cache-Control", "public, max-age=31536000, immutable");
        assertThat(script.body()).isEqualTo(file("/js/main.js", Map.of()).body());
        assertThat(file("/", Map.of()).headers()).containsEntry("Cache-Control", "no-cache");
    }

    @Test
    void theVersionIsADigestOfTheFilesSoOtherFilesHaveAnother() {
        assertThat(WebVersion.of("web/").id()).isEqualTo(files.version()).matches("[A-Za-z0-9_-]{12}");
        assertThat(WebVersion.of("golden/").id()).isNotEqualTo(files.version());
        assertThat(WebVersion.of("no-such-folder/").id()).as("nothing digested").isNotEqualTo(files.version());
    }

    @Test
    void anOlderVersionsLinkGetsTodaysFileButNoPromiseThatItLasts() {
        HttpReply stale = file("/v/0ld-version/js/main.js", Map.of());

        assertThat(stale.headers()).containsEntry("Cache-Control", "no-cache");
        assertThat(get("/v/" + files.version(), Map.of())).isEmpty();
        assertThat(get("/v/" + files.version() + "/../../META-INF/MANIFEST.MF", Map.of())).isEmpty();
    }

    private static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }
}
