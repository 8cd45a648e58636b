package io.zonebridge.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a REST method and path of the 2013-04-01 API to an operation name and its path ids. */
public final class Route53Router {
    static final String VERSION = "2013-04-01";

    /**
     * A routed request.
     *
     * @param operation operation name
     * @param ids       decoded path ids
     */
    public record Route(String operation, List<String> ids) {
    }

    private Route53Router() {
    }

    /** The operation of {@code method} on {@code rawPath}, or an {@code InvalidAction} error. */
    public static Route route(String method, String rawPath) {
        List<String> s = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            s.add(decode(segment.replace("+", "%2B")));
        }
        if (s.size() >= 3 && s.get(0).isEmpty() && s.get(1).equals(VERSION)) {
            Route route = route(method, s.subList(2, s.size()));
            if (route != null) {
                return route;
            }
        }
        throw new ServiceException(400, "InvalidAction", "The action or operation requested is invalid: "
                + method + " " + rawPath);
    }

    private static Route route(String method, List<String> s) {
        String resource = s.get(0);
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (resource.equals("hostedzone")) {
            if (s.size() == 1) {
                return post ? new Route("CreateHostedZone", List.of()) : get ? new Route("ListHostedZones", List.of())
                        : null;
            }
            List<String> id = List.of(s.get(1));
            if (s.size() == 2) {
                return get ? new Route("GetHostedZone", id)
                        : method.equals("DELETE") ? new Route("DeleteHostedZone", id) : null;
            }
            if (s.size() == 3 && s.get(2).equals("rrset")) {
                return post ? new Route("ChangeResourceRecordSets", id)
                        : get ? new Route("ListResourceRecordSets", id) : null;
            }
            if (s.size() == 3 && s.get(2).equals("associatevpc") && post) {
                return new Route("AssociateVPCWithHostedZone", id);
            }
            return null;
        }
        if (s.size() == 1 && get && resource.equals("hostedzonesbyname")) {
            return new Route("ListHostedZonesByName", List.of());
        }
        if (s.size() == 1 && get && resource.equals("hostedzonesbyvpc")) {
            return new Route("ListHostedZonesByVPC", List.of());
        }
        if (s.size() == 2 && get && resource.equals("change")) {
            return new Route("GetChange", List.of(s.get(1)));
        }
        return null;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidInput("Invalid URL encoding in '" + encoded + "'");
        }
    }

    /** Decodes a raw query string into parameters (last occurrence wins). */
    public static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(decode(key), decode(value));
        }
        return params;
    }
}
