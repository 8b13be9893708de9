package dev.wheelhouse.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SelfSubjectAccessReview sent as protobuf (kubectl auth can-i does; the sandbox otherwise
 * speaks JSON only), read into its JSON form. Only the fields a review carries are read:
 * {@code k8s\0} + runtime.Unknown{raw: SelfSubjectAccessReview{spec: {resourceAttributes |
 * nonResourceAttributes}}}, field numbers from k8s.io/api/authorization/v1/generated.proto.
 */
final class ProtobufReview {
    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final String[] RESOURCE_FIELDS = {null, "namespace", "verb", "group", "version", "resource", "subresource", "name"};

    private ProtobufReview() {}

    static boolean isProtobuf(byte[] body) {
        if (body == null || body.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (body[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The review as JSON; throws IllegalArgumentException when the bytes are not one. */
    static String toJson(byte[] body) {
        Map<Integer, byte[]> unknown = fields(body, MAGIC.length, body.length);
        byte[] raw = require(unknown, 2, "raw");
        Map<Integer, byte[]> review = fields(raw, 0, raw.length);
        byte[] spec = require(review, 2, "spec");
        Map<Integer, byte[]> specFields = fields(spec, 0, spec.length);
        ObjectNode json = Json.object();
        json.put("apiVersion", "authorization.k8s.io/v1");
        json.put("kind", "SelfSubjectAccessReview");
        ObjectNode specJson = json.putObject("spec");
        byte[] resource = specFields.get(1);
        if (resource != null) {
            ObjectNode attributes = specJson.putObject("resourceAttributes");
            fields(resource, 0, resource.length).forEach((number, value) -> {
                if (number < RESOURCE_FIELDS.length) {
                    attributes.put(RESOURCE_FIELDS[number], new String(value, StandardCharsets.UTF_8));
                }
            });
        }
        byte[] nonResource = specFields.get(2);
        if (nonResource != null) {
            ObjectNode attributes = specJson.putObject("nonResourceAttributes");
            Map<Integer, byte[]> f = fields(nonResource, 0, nonResource.length);
            attributes.put("path", new String(f.getOrDefault(1, new byte[0]), StandardCharsets.UTF_8));
            attributes.put("verb", new String(f.getOrDefault(2, new byte[0]), StandardCharsets.UTF_8));
        }
        return Json.write(json);
    }

    private static byte[] require(Map<Integer, byte[]> fields, int number, String name) {
        byte[] value = fields.get(number);
        if (value == null) {
            throw new IllegalArgumentException("the protobuf SelfSubjectAccessReview has no " + name);
        }
        return value;
    }

    /** The length-delimited fields of a message by number (varints and fixed values skipped). */
    private static Map<Integer, byte[]> fields(byte[] b, int from, int to) {
        Map<Integer, byte[]> out = new HashMap<>();
        int[] at = {from};
        while (at[0] < to) {
            long key = varint(b, at, to);
            int number = (int) (key >>> 3);
            switch ((int) (key & 7)) {
                case 0 -> varint(b, at, to);
                case 1 -> at[0] += 8;
                case 5 -> at[0] += 4;
                case 2 -> {
                    int length = (int) varint(b, at, to);
                    if (length < 0 || at[0] + length > to) {
                        throw new IllegalArgumentException("the protobuf message is cut short");
                    }
                    byte[] value = new byte[length];
                    System.arraycopy(b, at[0], value, 0, length);
                    out.put(number, value);
                    at[0] += length;
                }
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + (key & 7));
            }
        }
        return out;
    }

    private static long varint(byte[] b, int[] at, int to) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= to) {
                throw new IllegalArgumentException("the protobuf message is cut short");
            }
            byte x = b[at[0]++];
            value |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a protobuf varint is too long");
    }
}
