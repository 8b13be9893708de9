package dev.wheelhouse.ops.kube;

import dev.wheelhouse.ops.OpsInputException;
import java.util.regex.Pattern;

/**
 * Checks an image reference against the grammar of distribution/reference (what the container
 * runtimes parse): {@code [host[:port]/]path[:tag][@algorithm:hex]}, lower-case path components,
 * tags of at most 128 word characters, dots and dashes.
 */
public final class ImageReference {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile("(?:" + DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

    private ImageReference() {}

    /**
     * The reference, trimmed, when valid.
     *
     * @throws OpsInputException naming the part that is wrong
     */
    public static String validate(String image) {
        String ref = image == null ? "" : image.strip();
        if (ref.isEmpty()) {
            throw new OpsInputException("the image is empty: give a reference such as registry.example.com/shop/app:1.4.2");
        }
        if (ref.chars().anyMatch(Character::isWhitespace)) {
            throw bad(ref, "it contains a space");
        }
        String rest = ref;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String digest = rest.substring(at + 1);
            if (!DIGEST.matcher(digest).matches()) {
                throw bad(ref, "the digest '" + digest + "' is not algorithm:hex (e.g. sha256: and 64 hex digits)");
            }
            rest = rest.substring(0, at);
        }
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            String tag = rest.substring(colon + 1);
            if (!TAG.matcher(tag).matches()) {
                throw bad(ref, "the tag '" + tag + "' is not 1-128 letters, digits, '_', '.' or '-' (not starting with '.' or '-')");
            }
            rest = rest.substring(0, colon);
        }
        String domain = null;
        int first = rest.indexOf('/');
        if (first > 0) {
            String head = rest.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost") || !head.equals(head.toLowerCase(java.util.Locale.ROOT))) {
                domain = head;
                rest = rest.substring(first + 1);
            }
        }
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            throw bad(ref, "the registry '" + domain + "' is not a host name with an optional port");
        }
        if (rest.isEmpty()) {
            throw bad(ref, "it names no repository");
        }
        if (!PATH.matcher(rest).matches()) {
            throw bad(ref, "the repository '" + rest + "' must be lower-case letters, digits and separators (. _ - /)");
        }
        if (ref.length() > 255 + 129 + 80) {
            throw bad(ref, "it is too long");
        }
        return ref;
    }

    private static OpsInputException bad(String ref, String why) {
        return new OpsInputException("'" + ref + "' is not a valid image reference: " + why);
    }
}
