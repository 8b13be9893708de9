package dev.wheelhouse.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;

/** Responses as the real API server writes them: JSON typed as such, errors as a Status. */
final class Responses {
    private Responses() {}

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse text(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/plain; charset=utf-8").setBody(body);
    }

    /** The mock calls every failure "Invalid"; kubectl prints the reason, so give the real one. */
    private static void fixReason(MockResponse r) {
        // getBytes, not readUtf8: reading a mock Buffer empties it.
        String body = new String(r.getBody().getBytes(), StandardCharsets.UTF_8);
        if (!body.contains("\"kind\":\"Status\"") || !body.contains("\"reason\":\"Invalid\"")) {
            return;
        }
        String reason = switch (r.code()) {
            case 409 -> body.contains("already exists") ? "AlreadyExists" : "Conflict";
            case 404 -> "NotFound";
            case 400 -> "BadRequest";
            case 415 -> "UnsupportedMediaType";
            default -> "Invalid";
        };
        r.setBody(body.replace("\"reason\":\"Invalid\"", "\"reason\":\"" + reason + "\""));
    }

    static MockResponse status(int code, String reason, String message) {
        return json(code, statusBody(code, reason, message, null));
    }

    static MockResponse notFound(ApiPath p) {
        String resource = p.group().isEmpty() ? p.plural() : p.plural() + "." + p.group();
        String details = "{\"name\":" + Json.quote(p.name() == null ? "" : p.name()) + ",\"group\":" + Json.quote(p.group())
                + ",\"kind\":" + Json.quote(p.plural()) + "}";
        return json(404, statusBody(404, "NotFound", resource + " \"" + (p.name() == null ? "" : p.name()) + "\" not found", details));
    }

    static String statusBody(int code, String reason, String message, String detailsJson) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":" + Json.quote(message)
                + ",\"reason\":" + Json.quote(reason) + (detailsJson == null ? "" : ",\"details\":" + detailsJson)
                + ",\"code\":" + code + "}";
    }

    /**
     * A response of the mock made proper: typed as JSON (kubectl's typed clients otherwise try
     * protobuf), 2xx of PATCH as 200, and an empty error turned into a Status.
     */
    static MockResponse typed(MockResponse r) {
        if (r.getWebSocketListener() != null) {
            return r;
        }
        if (r.code() == 202) {
            r.setResponseCode(200);
        }
        boolean empty = r.getBody() == null || r.getBody().size() == 0;
        if (r.code() >= 400 && empty) {
            String reason = switch (r.code()) {
                case 404 -> "NotFound";
                case 409 -> "Conflict";
                case 415 -> "UnsupportedMediaType";
                case 422 -> "Invalid";
                default -> "BadRequest";
            };
            return status(r.code(), reason, reason);
        }
        if (r.code() >= 400 && !empty) {
            fixReason(r);
        }
        if (r.header("Content-Type") == null) {
            r.setHeader("Content-Type", "application/json");
        }
        return r;
    }
}
